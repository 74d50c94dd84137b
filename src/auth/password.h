// Password hashing and the random tokens behind sessions and CSRF, all on libsodium.
#pragma once
#include <string>
#include <string_view>

namespace sl::auth {

// Argon2id (crypto_pwhash_str, interactive limits); the result embeds salt and params.
std::string hash_password(std::string_view pw);
// False for a wrong password or an unparsable/empty hash.
bool verify_password(const std::string& hash, std::string_view pw);
// Throws AppError 422 field "password" when the password breaks the policy (>= 8 chars).
void validate_password(std::string_view pw);

// 32 random bytes as 64 lowercase hex characters.
std::string random_token();
// BLAKE2b-256 (crypto_generichash) of the token, as 64 lowercase hex characters. What the
// store keeps instead of the token, so a leaked database does not leak live sessions.
std::string token_hash(std::string_view token);

}  // namespace sl::auth
