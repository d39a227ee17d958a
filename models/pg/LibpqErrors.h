#pragma once

#include "pg/PgError.h"

struct pg_conn;
struct pg_result;

namespace strata {

// PgError from what libpq reports, for every class in models/pg that owns a PGconn (DbWorker,
// StreamSession), so that they word and classify errors alike.
namespace LibpqErrors {

// PQerrorMessage without libpq's 'connection to server at "…" failed: FATAL:' prefix.
QString connectionMessage(const pg_conn *conn);
// The fields of an error result; Kind::Cancelled for SQLSTATE 57014, Kind::Server otherwise.
PgError fromResult(const pg_result *result);
// A connection attempt that failed; `conn` may be null (libpq ran out of memory).
PgError connectFailed(const pg_conn *conn);
// The connection broke; the reason libpq gives, if any, goes into the detail.
PgError connectionLost(const pg_conn *conn);
// A statement stopped by the user (or never started because of it).
PgError cancelled();

} // namespace LibpqErrors

} // namespace strata
