// The few regular expression functions of ICU that the highlighter calls. ICU ships no headers with the
// Swift toolchain: Foundation carries its own ICU, on Linux as lib_FoundationICU with `swift_`-prefixed
// C names, on Apple platforms as the system's libicucore. The declarations below are ICU's (uregex.h),
// with UChar as uint16_t and UErrorCode as int32_t (> 0: failure).
#ifndef CFOUNDATIONICU_H
#define CFOUNDATIONICU_H

#include <stdint.h>

#if defined(__APPLE__)
#define CFOUNDATIONICU_NAME(name) uregex_##name
#else
#define CFOUNDATIONICU_NAME(name) swift_uregex_##name
#endif

typedef struct URegularExpression URegularExpression;

URegularExpression *CFOUNDATIONICU_NAME(open)(const uint16_t *pattern, int32_t patternLength, uint32_t flags,
                                               void *parseError, int32_t *status);
URegularExpression *CFOUNDATIONICU_NAME(clone)(const URegularExpression *regexp, int32_t *status);
void CFOUNDATIONICU_NAME(close)(URegularExpression *regexp);
void CFOUNDATIONICU_NAME(setText)(URegularExpression *regexp, const uint16_t *text, int32_t textLength, int32_t *status);
int8_t CFOUNDATIONICU_NAME(lookingAt)(URegularExpression *regexp, int32_t startIndex, int32_t *status);
int32_t CFOUNDATIONICU_NAME(start)(URegularExpression *regexp, int32_t groupNum, int32_t *status);
int32_t CFOUNDATIONICU_NAME(end)(URegularExpression *regexp, int32_t groupNum, int32_t *status);

/// `UREGEX_CASE_INSENSITIVE` and `UREGEX_MULTILINE`.
static const uint32_t icu_regex_case_insensitive = 2;
static const uint32_t icu_regex_multiline = 8;

static inline URegularExpression *icu_regex_open(const uint16_t *pattern, int32_t length, uint32_t flags, int32_t *status) {
    return CFOUNDATIONICU_NAME(open)(pattern, length, flags, 0, status);
}

static inline URegularExpression *icu_regex_clone(const URegularExpression *regexp, int32_t *status) {
    return CFOUNDATIONICU_NAME(clone)(regexp, status);
}

static inline void icu_regex_close(URegularExpression *regexp) {
    CFOUNDATIONICU_NAME(close)(regexp);
}

static inline void icu_regex_set_text(URegularExpression *regexp, const uint16_t *text, int32_t length, int32_t *status) {
    CFOUNDATIONICU_NAME(setText)(regexp, text, length, status);
}

/// Whether the expression matches at `start` (the whole text is the region, so lookbehind sees before it).
static inline int8_t icu_regex_looking_at(URegularExpression *regexp, int32_t start, int32_t *status) {
    return CFOUNDATIONICU_NAME(lookingAt)(regexp, start, status);
}

/// Where group `group` (0: the whole match) of the last match starts; -1 when it did not take part.
static inline int32_t icu_regex_start(URegularExpression *regexp, int32_t group, int32_t *status) {
    return CFOUNDATIONICU_NAME(start)(regexp, group, status);
}

static inline int32_t icu_regex_end(URegularExpression *regexp, int32_t group, int32_t *status) {
    return CFOUNDATIONICU_NAME(end)(regexp, group, status);
}

#endif
