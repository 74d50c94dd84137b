// The tables of 客户档案 as downloads (?format=xlsx|csv|json&table=contracts|lines|payments|
// opportunities): every contract, line, payment and opportunity of the profile, not only the
// newest ones the JSON holds, from the same CustomerProfile and the present layer's specs.
#pragma once
#include <string>

#include "analytics/check/customer_profile.h"
#include "api/context.h"
#include "present/table.h"

namespace sl::api {

// The table named `table`; 422 on field "table" for another name.
present::Table profile_table(Context& ctx, const engine::Snapshot& s, const analytics::CustomerProfile& p, Date as_of,
                             const std::string& table);

}  // namespace sl::api
