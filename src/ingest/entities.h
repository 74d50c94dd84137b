// What an import file of each entity may hold (issue 12): the fields of every ENTITY of
// `salesloop import --entity`, each with its type, whether it is required, the header names
// people give it in zh-CN and en exports, and an example. Rows refer to each other by
// business keys (customer code, rep employee number, product code, contract code, region
// name), never by internal ids. The one description of the import files: the mapping guesser
// (guess.h), the import and export, and docs/import.md's field tables all read it.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sl::ingest {

enum class FieldType {
  text,      // free text, trimmed
  key,       // a business key: trimmed, compared ignoring case, unique within the entity
  ref,       // another entity's business key (Field::ref names the entity)
  date,      // a calendar day
  month,     // a calendar month (2026-06)
  datetime,  // a day and a time of day (2026-06-02 10:15); a day alone means its midnight
  money,     // 元, to 2 decimals (stored as fen)
  integer,
  decimal,
  percent,
  enumeration,  // one of Field::values
  boolean,
};

// One value of an enumeration: its code (what the store keeps and export writes) and the
// words an export may use instead ("大", "Large", "赢单").
struct EnumValue {
  std::string code;
  std::vector<std::string> aliases;
};

struct Field {
  std::string name;  // the canonical name: MAP.json's keys, export's headers
  FieldType type = FieldType::text;
  bool required = false;
  std::string ref;                   // ref: the entity whose key this is
  std::vector<EnumValue> values;     // enumeration
  std::vector<std::string> aliases;  // header names, zh-CN first, then en
  std::string example;               // a value as a file would hold it
  std::string note;                  // what the docs say beyond the type (English)
};

struct Entity {
  std::string name;  // as on the command line: "customers"
  std::string zh, en;
  std::vector<Field> fields;
  std::vector<std::string> key;  // the fields whose values name one row (upsert key)
  std::string note;
};

// Every entity, in the order a new company imports them (docs/import.md).
const std::vector<Entity>& entities();
const Entity* find_entity(std::string_view name);
const Field* find_field(const Entity& e, std::string_view name);
// The field's index in e.fields, or nullopt.
std::optional<size_t> field_index(const Entity& e, std::string_view name);

// "text", "key", "ref(customers)", "enum(large|medium|small)", … as docs/import.md writes it.
std::string type_label(const Field& f);
const char* type_code(FieldType t);

// The code of an enumeration field's value given as its code or one of its aliases
// (trimmed, ASCII case ignored); nullopt when it is none of them.
std::optional<std::string> enum_code(const Field& f, std::string_view value);

}  // namespace sl::ingest
