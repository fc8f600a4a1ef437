#include "CByteClasses.h"

#if defined(__SSE2__)
#include <emmintrin.h>

// Unsigned `byte - low < count` for each byte, as a signed comparison of both sides moved down by 0x80.
static inline __m128i in_range(__m128i bytes, char low, char count) {
    __m128i offset = _mm_xor_si128(_mm_sub_epi8(bytes, _mm_set1_epi8(low)), _mm_set1_epi8((char)0x80));
    return _mm_cmplt_epi8(offset, _mm_set1_epi8((char)(0x80 + count)));
}

void sitegen_classify64(const uint8_t *bytes, uint64_t *words, uint64_t *special) {
    uint64_t word_bits = 0, special_bits = 0;
    for (int part = 0; part < 4; part++) {
        __m128i group = _mm_loadu_si128((const __m128i *)(bytes + 16 * part));
        // A byte of 0x80 and up lower-cases to 0xA0 and up, and is in neither range.
        __m128i letters = in_range(_mm_or_si128(group, _mm_set1_epi8(0x20)), 0x61, 26);
        __m128i digits = in_range(group, 0x30, 10);
        uint32_t word = (uint32_t)_mm_movemask_epi8(_mm_or_si128(letters, digits));
        // The top bit of each byte is the non-ASCII bytes' own.
        uint32_t other = (uint32_t)_mm_movemask_epi8(group) | (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(group, _mm_set1_epi8('\'')));
        word_bits |= (uint64_t)word << (16 * part);
        special_bits |= (uint64_t)other << (16 * part);
    }
    *words = word_bits;
    *special = special_bits;
}

// How many of the `count` bytes at `bytes` come before the first that `stops` marks in its group of sixteen
// (or `is_stop` says, for the last fewer than sixteen): the one loop behind the three scans below, which
// pass it their tests as constants, so the compiler writes it out for each.
static inline size_t run_length(const uint8_t *bytes, size_t count, __m128i (*stops)(__m128i), int (*is_stop)(uint8_t)) {
    size_t index = 0;
    for (; index + 16 <= count; index += 16) {
        int found = _mm_movemask_epi8(stops(_mm_loadu_si128((const __m128i *)(bytes + index))));
        if (found != 0) return index + (size_t)__builtin_ctz((unsigned)found);
    }
    for (; index < count; index++) {
        if (is_stop(bytes[index])) return index;
    }
    return count;
}

// The bytes of `group` below 0x20, unsigned: a byte is its own maximum with 0x1F only when it is at most 0x1F.
static inline __m128i controls(__m128i group) {
    return _mm_cmpeq_epi8(_mm_max_epu8(group, _mm_set1_epi8(0x1F)), _mm_set1_epi8(0x1F));
}

static inline __m128i json_stops(__m128i group) {
    __m128i quote = _mm_cmpeq_epi8(group, _mm_set1_epi8('"'));
    __m128i backslash = _mm_cmpeq_epi8(group, _mm_set1_epi8('\\'));
    return _mm_or_si128(controls(group), _mm_or_si128(quote, backslash));
}

static inline int is_json_stop(uint8_t byte) {
    return byte < 0x20 || byte == '"' || byte == '\\';
}

size_t sitegen_json_plain_length(const uint8_t *bytes, size_t count) {
    return run_length(bytes, count, json_stops, is_json_stop);
}

// The bytes of `group` that are `&`, `<`, `>`, `"` or `'`.
static inline __m128i html_stops(__m128i group) {
    __m128i quotes = _mm_or_si128(_mm_cmpeq_epi8(group, _mm_set1_epi8('"')), _mm_cmpeq_epi8(group, _mm_set1_epi8('\'')));
    __m128i angles = _mm_or_si128(_mm_cmpeq_epi8(group, _mm_set1_epi8('<')), _mm_cmpeq_epi8(group, _mm_set1_epi8('>')));
    return _mm_or_si128(_mm_or_si128(quotes, angles), _mm_cmpeq_epi8(group, _mm_set1_epi8('&')));
}

static inline int is_html_stop(uint8_t byte) {
    return byte == '&' || byte == '<' || byte == '>' || byte == '"' || byte == '\'';
}

size_t sitegen_html_plain_length(const uint8_t *bytes, size_t count) {
    return run_length(bytes, count, html_stops, is_html_stop);
}

// The HTML specials, the control characters XML forbids (all below 0x20 but tab, newline and return), and 0xEF.
static inline __m128i xml_stops(__m128i group) {
    __m128i allowed = _mm_or_si128(_mm_cmpeq_epi8(group, _mm_set1_epi8('\t')),
                                   _mm_or_si128(_mm_cmpeq_epi8(group, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(group, _mm_set1_epi8('\r'))));
    __m128i forbidden = _mm_andnot_si128(allowed, controls(group));
    __m128i lead = _mm_cmpeq_epi8(group, _mm_set1_epi8((char)0xEF));
    return _mm_or_si128(html_stops(group), _mm_or_si128(forbidden, lead));
}

static inline int is_xml_stop(uint8_t byte) {
    return is_html_stop(byte) || byte == 0xEF || (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r');
}

size_t sitegen_xml_plain_length(const uint8_t *bytes, size_t count) {
    return run_length(bytes, count, xml_stops, is_xml_stop);
}

#endif
