#ifndef SITEGEN_BYTE_CLASSES_H
#define SITEGEN_BYTE_CLASSES_H

#include <stddef.h>
#include <stdint.h>

// SSE2 is part of every x86-64 processor; elsewhere the search module keeps its Swift loops.
#if defined(__SSE2__)
/// The classes of the 64 bytes at `bytes`, one bit per byte (bit i for byte i): `words` for ASCII letters
/// and digits, `special` for bytes of non-ASCII scalars (0x80 and up) and ASCII apostrophes. The search
/// tokenizer's `ByteBlock` on x86-64, where SSE2 classifies 16 bytes in a few instructions.
void sitegen_classify64(const uint8_t *bytes, uint64_t *words, uint64_t *special);

/// How many of the `count` bytes at `bytes` come before the first that JSON must escape in a string (a
/// quote, a backslash or a control character below 0x20): `count` when there is none. The search index's
/// JSON writer on x86-64, sixteen bytes at a time.
size_t sitegen_json_plain_length(const uint8_t *bytes, size_t count);

/// How many of the `count` bytes at `bytes` come before the first that HTML escaping replaces (`&`, `<`,
/// `>`, `"` or `'`): `count` when there is none. The template engine's escaping on x86-64.
size_t sitegen_html_plain_length(const uint8_t *bytes, size_t count);

/// How many of the `count` bytes at `bytes` come before the first that the feeds' XML escaping must look at:
/// the five HTML specials, a control character other than tab, newline and return (XML forbids them), or
/// 0xEF (the first byte of U+FFFE and U+FFFF, which XML forbids too, and of other characters).
size_t sitegen_xml_plain_length(const uint8_t *bytes, size_t count);
#endif

#endif
