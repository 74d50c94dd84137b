// Reading a user's editable fields from a request body (issue 14's user administration):
// each one validated with a 422 naming it, in both languages. Shared by POST/PATCH
// /api/v1/users and PATCH /api/v1/me.
#pragma once
#include <boost/json.hpp>

#include "model/entities.h"
#include "store/store.h"

namespace sl::api {

// display_name, email, lang, wecom_id, dingtalk_id: those present in `body` set on `u`.
void read_contact_fields(const boost::json::object& body, model::User& u);
// active, role, region, rep: those present set on `u`; then the role's scope is made
// consistent (a manager needs an existing region, a rep an existing rep; the other roles
// have neither), 422 on "region" / "rep" / "role".
void read_role_fields(const boost::json::object& body, model::User& u, store::DataStore& data);

}  // namespace sl::api
