#pragma once

/// Whether cmark-gfm's parses have gone through the gate in special_characters_gate.c: nonzero once the
/// library has called it. Until then (and always where the platform does not let an executable's symbol
/// stand in for a shared library's, as on macOS) parses must not overlap.
int sitegen_cmark_gate_intercepts(void);
