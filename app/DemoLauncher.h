#pragma once

#include "pg/Connection.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace strata {

class LocalCluster;
class MigrationRunner;

// Brings up `strata --demo`: a private server in the user's data folder, the demo project
// copied out of the resources, its first four migrations applied and the seed data loaded
// (once; later runs reuse it). Everything runs asynchronously; the server lives as long
// as this object.
class DemoLauncher : public QObject
{
    Q_OBJECT
public:
    explicit DemoLauncher(QObject *parent = nullptr);
    ~DemoLauncher() override;

    // Where the demo keeps its cluster and project; STRATA_DEMO_DIR overrides it.
    static QString demoRoot();
    static constexpr int appliedMigrations = 4;  // the fifth stays pending on purpose

    void start(bool fresh);
    void cancel();

    QString projectFolder() const;
    ConnectionSpec spec() const;

signals:
    void progress(int done, int total, const QString &label);
    void ready(const strata::ConnectionSpec &spec);
    void failed(const QString &reason);
    void serverStopped(const QString &reason);  // the demo server died after it was ready

private:
    void clusterStarted();
    void databaseChecked(RequestId id, const QueryResult &result);
    void setUp();
    void seed();
    void runNext();
    void fail(const QString &reason);
    bool copyProject(QString *error);
    static QStringList seedSteps();

    std::unique_ptr<LocalCluster> m_cluster;
    std::unique_ptr<Connection> m_admin;  // to "postgres": creates the demo database
    std::unique_ptr<Connection> m_demo;
    std::unique_ptr<MigrationRunner> m_runner;  // while the demo's migrations are applied
    struct Step {
        QString label;
        Query query;
    };
    QStringList m_seeds;  // the seed file's statements, read once per set-up
    QList<Step> m_steps;  // the seed's, as run
    int m_step = 0;       // the seed step to run next
    int m_next = 0;       // steps done so far, migrations' statements included
    int m_total = 0;
    bool m_cancelled = false;
    bool m_failed = false;
    RequestId m_checkRequest = 0;
};

} // namespace strata
