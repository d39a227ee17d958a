#pragma once

#include <QString>

namespace strata {

// What a PostgreSQL server leaves in its data folder, as LocalCluster reads it:
// postmaster.pid (its lock on the folder, and whether it accepts connections) and
// postmaster.opts (the command line of its last run).
class PostmasterFiles
{
public:
    // Who holds the data folder's lock.
    enum class Lock {
        Free,      // no lock file, a dead server's, or a stale one now removed
        Held,      // a live postgres serving the folder
        Stale,     // the pid now names an unrelated process, and the file would not go
    };

    // The port of the server's last run, from postmaster.opts; 0 when unknown.
    static int lastPort(const QString &dataDir);
    // Checks postmaster.pid, removing it when its pid was reused by an unrelated process
    // (postgres would refuse to start over it). `*pid` is the pid the file names.
    static Lock clearStaleLock(const QString &dataDir, qint64 *pid);
    // Whether the server with `pid` has written "ready" into postmaster.pid.
    static bool isReady(const QString &dataDir, qint64 pid);
};

} // namespace strata
