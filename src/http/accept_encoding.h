// Content negotiation on Accept-Encoding (RFC 9110 §12.5.3): which content coding, if any,
// a client takes. Malformed elements are dropped, never fatal: the worst a bad header gets is
// an uncompressed answer.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace sl::http {

struct AcceptedCoding {
  std::string name;  // lower-cased token: "gzip", "br", "identity", "*"; "x-gzip" reads as "gzip"
  int q = 1000;      // qvalue in thousandths, 0..1000
};

// The well-formed elements of the header, in order; "" gives none.
std::vector<AcceptedCoding> parse_accept_encoding(std::string_view header);

// The coding to answer with among `offered` (most preferred by the server first, which breaks
// ties): the one of highest q above 0, unless "identity" is given a higher q still.
// "" means no coding (identity), also when nothing offered is acceptable: never a 406.
// An empty or absent header asks for identity.
std::string choose_encoding(std::string_view header, const std::vector<std::string_view>& offered);

}  // namespace sl::http
