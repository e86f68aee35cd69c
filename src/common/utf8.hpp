#pragma once

#include <cstddef>
#include <string_view>

namespace huidig {

// Strict UTF-8 (RFC 3629): no overlongs, no surrogates, nothing above U+10FFFF.
bool IsValidUtf8(std::string_view s);
// Number of code points; REQUIRES: IsValidUtf8(s).
std::size_t CodePointCount(std::string_view s);
// True when s holds a C0/C1 control character other than tab, CR and LF.
bool HasControlCharacters(std::string_view s);
// True when s holds a bidirectional formatting character (U+061C, U+200E/F, U+202A..E,
// U+2066..9): in a name they reorder what is shown ("Jan\u202Eznaj" reads otherwise than it
// sorts and is searched). REQUIRES: IsValidUtf8(s).
bool HasBidiControls(std::string_view s);

}  // namespace huidig
