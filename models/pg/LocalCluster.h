#pragma once

#include "ConnectionSpec.h"

#include <QObject>
#include <QString>
#include <QStringList>

class QProcess;
class QTimer;

namespace strata {

// A private PostgreSQL server in a folder of its own, for the demo and for tests: the server
// is a child process of Strata, so it stops when Strata stops, even when Strata crashes.
//
// Layout of rootDir: data/ (the cluster), socket/ (private Unix socket folder, mode 0700),
// server.log, password (the superuser's password for TCP connections, mode 0600).
// Unix-socket connections are trusted, which is safe because only the owner can enter
// socket/; TCP is off unless asked for, and then it listens on 127.0.0.1 only and wants the
// password.
//
// When Strata runs as root, initdb and postgres (which refuse to run as root) run as the
// system user "postgres", and rootDir must be reachable by that user.
//
// Start the server from a long-lived thread (normally the GUI thread): Linux sends the
// server its parent-death signal when the *thread* that started it exits, not the process.
class LocalCluster : public QObject
{
    Q_OBJECT
public:
    explicit LocalCluster(const QString &rootDir, QObject *parent = nullptr);
    ~LocalCluster() override;  // stops the server it started

    // The folder holding initdb and postgres: STRATA_PG_BINDIR if set, else the newest
    // /usr/lib/postgresql/*/bin that has both, else the folder of initdb on PATH.
    // Empty, with the reason in *error, when there is none.
    static QString findBinDir(QString *error = nullptr);

    bool isInitialized() const;  // data/PG_VERSION exists
    QString rootDir() const { return m_rootDir; }
    QString dataDir() const;
    QString socketDir() const;
    QString logFile() const;
    // The last run's port until started (0 for a new cluster); a start keeps it if it can.
    int port() const { return m_port; }
    QString superuser() const;               // "strata"
    QString password() const;                // for TCP only; empty before initdb
    qint64 serverPid() const;                // the postmaster's pid, 0 when not running

    // Also listen on 127.0.0.1 (password authentication); takes effect at the next start.
    void setTcpEnabled(bool enabled) { m_tcpEnabled = enabled; }
    bool isTcpEnabled() const { return m_tcpEnabled; }

    // Asynchronous, for the GUI: initdb when needed, start on a free port (or the last run's),
    // wait until the server accepts connections. Emits progress() while it works, then
    // started() or failed().
    void start();
    // Blocking, for tests and the command line: start() with a local event loop.
    bool startAndWait(QString *error, int timeoutMs = 60000);
    // Fast shutdown (SIGINT); after ~10 s immediate shutdown (SIGQUIT), then SIGKILL. Blocks
    // until the server is gone, which for a fast shutdown takes well under a second.
    void stop();
    bool isRunning() const;   // started and accepting connections
    bool isStarting() const;  // start() is at work

    // Over the private socket: host=socketDir port=… user=strata dbname=…
    ConnectionSpec spec(const QString &dbname = QStringLiteral("postgres")) const;
    // Over TCP (needs setTcpEnabled(true)): host=127.0.0.1 port=… user=strata dbname=…, with
    // no password, so that a caller who switches the user does not send strata's along. For
    // strata, add password() (or supply it through a passfile).
    ConnectionSpec tcpSpec(const QString &dbname = QStringLiteral("postgres")) const;

signals:
    void started();
    void failed(const QString &reason);
    void progress(const QString &message);
    // The server exited without stop() being called (killed, crashed).
    void stoppedUnexpectedly(const QString &reason);

private:
    enum class State { Idle, InitDb, Starting, Running, Stopping };

    bool prepareFolders(QString *error);
    void runInitDb();
    void onInitDbFinished(int exitCode);
    bool checkNoServerRunning(QString *error);
    void launchServer();
    void pollReadiness();
    void onServerFinished();
    void fail(const QString &reason);
    void finishStart();
    QString serverLogSince(qint64 offset, int lines) const;

    QString m_rootDir;
    QString m_binDir;
    State m_state = State::Idle;
    int m_port = 0;
    bool m_tcpEnabled = false;
    QString m_initDbLocale;
    int m_launchAttempts = 0;
    qint64 m_logOffset = 0;
    qint64 m_startMs = 0;
    QProcess *m_initDb = nullptr;
    QProcess *m_server = nullptr;
    QTimer *m_readyPoll = nullptr;
};

} // namespace strata
