// The field tables of docs/import.md, written from entities.h so that the docs cannot drift
// from what the import reads (describe_test.cpp checks the file holds exactly this text).
#pragma once
#include <string>

#include "ingest/entities.h"

namespace sl::ingest {

// One entity: a heading, its key and note, and a table of its fields (Markdown).
std::string describe_entity(const Entity& e);
// Every entity in import order, each as describe_entity.
std::string describe_entities();

}  // namespace sl::ingest
