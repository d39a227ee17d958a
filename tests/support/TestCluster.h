#pragma once

#include "pg/ConnectionSpec.h"
#include "pg/LocalCluster.h"

#include <QList>
#include <QString>

#include <memory>

namespace strata::test {

// The folder every test cluster lives under: $TMPDIR (or /tmp) + /strata-tests-<uid>, mode
// 0711 so that the "postgres" user can pass through it when the tests run as root (then a
// TMPDIR closed to other users is replaced by /tmp). Created on first use.
QString testClusterRoot();

// A fresh folder name under testClusterRoot() for one cluster, "<pid>-<n>"; not created.
// The pid names the owner: checkNoTestServers() leaves folders of live test processes alone.
QString newTestClusterFolder();

// The postgres processes (postmaster and its children) whose data directory lies under
// `folder`; zombies do not count.
QList<qint64> serverPidsUnder(const QString &folder);

// Whether a process with this pid exists and is not a zombie.
bool isProcessAlive(qint64 pid);

// Finds PostgreSQL servers under testClusterRoot() that outlived the test process that
// started them (or that belong to this process), prints each to stderr, kills it (SIGQUIT,
// then SIGKILL), removes the folders of dead test processes, and returns how many servers
// it found. CTest runs it last (support.NoServerOutlivesTheRun).
int checkNoTestServers();

// Runs `sql` through psql on `spec` (host, port, user, dbname, password), stopping at the
// first error. *output gets psql's unaligned, tuples-only output, trimmed.
bool runPsql(const ConnectionSpec &spec, const QString &sql, QString *output,
             QString *error);

// A private PostgreSQL server for one test, in a fresh folder removed on destruction. TCP is
// on (127.0.0.1, password), so that tests can reach it both ways.
class TestCluster
{
public:
    TestCluster();
    ~TestCluster();  // stops the server, then removes the folder
    TestCluster(const TestCluster &) = delete;
    TestCluster &operator=(const TestCluster &) = delete;

    bool start(QString *error);
    ConnectionSpec spec(const QString &dbname = QStringLiteral("postgres")) const;
    ConnectionSpec tcpSpec(const QString &dbname = QStringLiteral("postgres")) const;
    // tcpSpec() with the password, as a URL with every part in the authority and path
    // (postgres://user:password@host:port/db), which node-postgres reads as libpq does (it
    // ignores a ?dbname= parameter).
    QString tcpUrl(const QString &dbname = QStringLiteral("postgres")) const;
    LocalCluster &cluster() { return *m_cluster; }
    QString folder() const { return m_folder; }

    bool createDatabase(const QString &name, QString *error);
    // runPsql() on spec(dbname).
    bool runSql(const QString &sql, QString *output = nullptr, QString *error = nullptr,
                const QString &dbname = QStringLiteral("postgres"));

private:
    QString m_folder;
    std::unique_ptr<LocalCluster> m_cluster;
};

} // namespace strata::test
