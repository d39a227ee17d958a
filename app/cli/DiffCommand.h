#pragma once

#include <QStringList>

namespace strata {

// `strata diff <from> <to> [--down] [--json] [--rename kind:old=new …]`: the SQL between two
// schemas (snapshot files, migrations folders or live databases), in drizzle-kit's order and
// forms; with --json each statement with HazardLint's findings. Exit code 0 done (changes or
// not), 1 a database could not be read, 2 bad usage or an unreadable snapshot.
class DiffCommand
{
public:
    static int run(const QStringList &arguments);
};

} // namespace strata
