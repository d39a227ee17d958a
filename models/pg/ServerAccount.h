#pragma once

#include <QString>
#include <QStringList>

class QProcess;

namespace strata {

// The account LocalCluster's server programs run under, and how they are started: as
// Strata's own user, or, when Strata is root (which initdb and postgres refuse), as the
// system user "postgres" through setpriv. Either way with the parent-death signal, so that
// the server stops when Strata stops.
class ServerAccount
{
public:
    // What keeps userName() from serving a cluster folder; LocalCluster words it.
    enum class Problem { None, NoSuchUser, NoSetpriv, FolderClosed, NotHandedOver };

    static bool isRoot();       // the programs then run as userName()
    static QString userName();  // "postgres"

    // When root: checks that userName() exists, that setpriv is installed and that every
    // folder above rootDir lets userName() pass, then gives it the `owned` paths. `*path`
    // is the folder a FolderClosed or NotHandedOver problem is about.
    static Problem handOver(const QString &rootDir, const QStringList &owned, QString *path);
    // When root: gives one file to userName(), if that user exists, for the programs to read.
    static void handOverFile(const QString &path);

    // Sets `process` up to run `program` in `workingDir` as the right user, with none of
    // the caller's PG* variables, English messages, and SIGINT (a fast shutdown) when the
    // thread that starts it exits. Start it from a long-lived thread.
    static void prepare(QProcess *process, const QString &program, const QStringList &args,
                        const QString &workingDir);
};

} // namespace strata
