// The import page's mapping templates: one per entity and name (case and spaces ignored),
// replaced in place, listed by entity with who saved them, deleted with an audit row, and
// none of it moves the data version (templates are not data).
#include <gtest/gtest.h>

#include "store/store.h"

namespace sl {
namespace {

TEST(ImportTemplates, SaveReplaceListDelete) {
  auto s = store::open_store(":memory:");
  const Id admin = s->add_user({0, "admin", "管理员", model::Role::admin}, "");
  const int64_t version = s->data_version();
  store::Store::ImportTemplate t{0, "payments", "财务回款", R"([{"field":"amount","column":"JE"}])", admin, "", 100};
  const Id id = s->save_import_template(t);
  t.name = " 财务回款 ";
  t.mapping = R"([{"field":"amount","column":"金额"}])";
  t.at = 200;
  EXPECT_EQ(s->save_import_template(t), id);
  t.entity = "customers";  // the same name for another entity is another template
  EXPECT_NE(s->save_import_template(t), id);

  auto list = s->import_templates("payments");
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].id, id);
  EXPECT_EQ(list[0].name, "财务回款");
  EXPECT_EQ(list[0].mapping, R"([{"field":"amount","column":"金额"}])");
  EXPECT_EQ(list[0].user_login, "admin");
  EXPECT_EQ(list[0].at, 200);
  EXPECT_EQ(s->import_templates("").size(), 2u);

  EXPECT_TRUE(s->delete_import_template(id, admin, 300));
  EXPECT_FALSE(s->delete_import_template(id, admin, 301));
  EXPECT_TRUE(s->import_templates("payments").empty());
  EXPECT_EQ(s->data_version(), version);
  store::AuditQuery q;
  q.entity = "import_template";
  EXPECT_EQ(s->audit_log(q).size(), 4u);  // three saves and a delete
}

}  // namespace
}  // namespace sl
