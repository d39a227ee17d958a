#pragma once

#include <QStringList>

namespace strata {

// `strata down [<tag>] [--project <folder> | --dir <folder>]`: the SQL that undoes one
// migration (the folder's last by default): the down file Strata saved beside it, or else
// derived from the snapshot chain (DownMigration). Prints the SQL on stdout and where it came
// from on stderr. Exit code 0 printed, 1 no down SQL can be had (the reason is printed),
// 2 bad usage or folder.
class DownCommand
{
public:
    static int run(const QStringList &arguments);
};

} // namespace strata
