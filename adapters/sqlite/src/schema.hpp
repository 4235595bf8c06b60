// Schema migrations of the store (see schema.cpp).
#pragma once

struct sqlite3;

namespace rw::adapters::sqlite::detail {

/// 'RWK1': marks a SQLite file as a regelwerk store.
inline constexpr int application_id = 0x52574B31;

int latest_schema_version();
/// Applies every migration after `from_version`, each in its own transaction.
void migrate(sqlite3* db, int from_version);

}  // namespace rw::adapters::sqlite::detail
