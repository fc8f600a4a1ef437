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

size_t sitegen_json_plain_length(const uint8_t *bytes, size_t count) {
    size_t index = 0;
    for (; index + 16 <= count; index += 16) {
        __m128i group = _mm_loadu_si128((const __m128i *)(bytes + index));
        // Below 0x20 unsigned: the byte is its own maximum with 0x1F only when it is at most 0x1F.
        __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(group, _mm_set1_epi8(0x1F)), _mm_set1_epi8(0x1F));
        __m128i quote = _mm_cmpeq_epi8(group, _mm_set1_epi8('"'));
        __m128i backslash = _mm_cmpeq_epi8(group, _mm_set1_epi8('\\'));
        int found = _mm_movemask_epi8(_mm_or_si128(control, _mm_or_si128(quote, backslash)));
        if (found != 0) return index + (size_t)__builtin_ctz((unsigned)found);
    }
    for (; index < count; index++) {
        uint8_t byte = bytes[index];
        if (byte < 0x20 || byte == '"' || byte == '\\') return index;
    }
    return count;
}

// The bytes of `group` that are `&`, `<`, `>`, `"` or `'`.
static inline __m128i html_specials(__m128i group) {
    __m128i quotes = _mm_or_si128(_mm_cmpeq_epi8(group, _mm_set1_epi8('"')), _mm_cmpeq_epi8(group, _mm_set1_epi8('\'')));
    __m128i angles = _mm_or_si128(_mm_cmpeq_epi8(group, _mm_set1_epi8('<')), _mm_cmpeq_epi8(group, _mm_set1_epi8('>')));
    return _mm_or_si128(_mm_or_si128(quotes, angles), _mm_cmpeq_epi8(group, _mm_set1_epi8('&')));
}

static inline int is_html_special(uint8_t byte) {
    return byte == '&' || byte == '<' || byte == '>' || byte == '"' || byte == '\'';
}

size_t sitegen_html_plain_length(const uint8_t *bytes, size_t count) {
    size_t index = 0;
    for (; index + 16 <= count; index += 16) {
        int found = _mm_movemask_epi8(html_specials(_mm_loadu_si128((const __m128i *)(bytes + index))));
        if (found != 0) return index + (size_t)__builtin_ctz((unsigned)found);
    }
    for (; index < count; index++) {
        if (is_html_special(bytes[index])) return index;
    }
    return count;
}

static inline int is_xml_stop(uint8_t byte) {
    return is_html_special(byte) || byte == 0xEF || (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r');
}

size_t sitegen_xml_plain_length(const uint8_t *bytes, size_t count) {
    size_t index = 0;
    for (; index + 16 <= count; index += 16) {
        __m128i group = _mm_loadu_si128((const __m128i *)(bytes + index));
        // Below 0x20 unsigned, as in `sitegen_json_plain_length`, less the three that XML allows.
        __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(group, _mm_set1_epi8(0x1F)), _mm_set1_epi8(0x1F));
        __m128i allowed = _mm_or_si128(_mm_cmpeq_epi8(group, _mm_set1_epi8('\t')),
                                       _mm_or_si128(_mm_cmpeq_epi8(group, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(group, _mm_set1_epi8('\r'))));
        __m128i forbidden = _mm_andnot_si128(allowed, control);
        __m128i lead = _mm_cmpeq_epi8(group, _mm_set1_epi8((char)0xEF));
        int found = _mm_movemask_epi8(_mm_or_si128(html_specials(group), _mm_or_si128(forbidden, lead)));
        if (found != 0) return index + (size_t)__builtin_ctz((unsigned)found);
    }
    for (; index < count; index++) {
        if (is_xml_stop(bytes[index])) return index;
    }
    return count;
}

#endif
