#pragma once

#include <QStringList>

namespace strata {

// `strata lint <file.sql | migrations folder> [--json] [--url <conninfo>]`: HazardLint's
// findings for a SQL file or for every migration of a drizzle folder, compiler style or as
// JSON; with --url, severities by that database's table sizes. Exit code 0 when no finding is
// an error, 1 when one is, 2 bad usage or nothing to read, 3 the database cannot be read.
class LintCommand
{
public:
    static int run(const QStringList &arguments);
};

} // namespace strata
