// Password hashing and the random tokens behind sessions and CSRF, all on libsodium.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace sl::auth {

// Argon2id (crypto_pwhash_str, interactive limits); the result embeds salt and params.
std::string hash_password(std::string_view pw);
// False for a wrong password or an unparsable/empty hash.
bool verify_password(const std::string& hash, std::string_view pw);
// The password policy (OWASP ASVS 2.1): at least kMinPasswordChars characters, at most 1024
// bytes, not containing the login, not a common password (common_passwords.inc, or one of
// them padded with digits and punctuation, or a run like "1234567890" or "qwertyuiop").
// Throws AppError 422 field "password" with the reason in both languages.
inline constexpr size_t kMinPasswordChars = 10;
void validate_password(std::string_view pw, std::string_view login);
bool is_common_password(std::string_view pw);

// 32 random bytes as 64 lowercase hex characters.
std::string random_token();
// BLAKE2b-256 (crypto_generichash) of the token, as 64 lowercase hex characters. What the
// store keeps instead of the token, so a leaked database does not leak live sessions.
std::string token_hash(std::string_view token);

}  // namespace sl::auth
