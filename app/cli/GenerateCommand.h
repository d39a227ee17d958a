#pragma once

#include <QStringList>

namespace strata {

// `strata generate [--project <folder> | --dir <folder>] [--from-db <url>] [--name <name>]
// [--rename kind:old=new …] [--schema <names>]`: what drizzle-kit generate does, with a live
// (development) database in place of schema.ts — the change from the folder's latest
// snapshot to the database, saved as the next migration: SQL with a header comment saying
// what it does, snapshot, journal entry, and the down SQL in <tag>.down.sql, a file drizzle
// never reads. Exit code 0 written or nothing to do, 1 the database could not be read or the
// files not written, 2 bad usage or a folder that cannot be extended.
class GenerateCommand
{
public:
    static int run(const QStringList &arguments);
};

} // namespace strata
