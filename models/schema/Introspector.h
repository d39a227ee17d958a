#pragma once

#include "Schema.h"
#include "pg/Connection.h"

#include <QList>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <optional>

namespace strata {

// What to read from a database.
struct IntrospectOptions {
    // Schemas to read, exactly as named on the server. Empty = every schema but the system
    // ones (pg_catalog, information_schema, pg_toast*, pg_temp*, anything else named pg_*).
    QStringList schemas;
    // drizzle-orm keeps its bookkeeping table in a schema of its own ("drizzle" by default, or
    // whatever `migrations.schema` says). By default that table (with its id sequence) is left
    // out, and so is its schema once nothing else is in it.
    bool includeDrizzleSchema = false;
    QString drizzleMigrationsTable = QStringLiteral("__drizzle_migrations");
    // Strata's record of migration runs, kept beside drizzle's table (RunAudit): left out with it.
    QString strataRunsTable = QStringLiteral("__strata_runs");
};

// Reads a database's schema into a Schema value from the system catalogs, with a fixed
// number of queries (one per Step, however many tables there are) sent together on a
// Connection (Connection::submitSnapshot: one round of sending, one read-only snapshot),
// so the caller's thread never waits.
//
// What is read, and what is left out on purpose:
// - objects that belong to an extension (pg_depend deptype 'e'), and their schemas;
// - on a partition, constraints and indexes it inherits from its parent (they are created by
//   the parent's DDL) are left out; its columns are all listed;
// - identity sequences are described on their column, never in Schema::sequences, and so
//   are serial ones (a sequence named <table>_<column>_seq, owned by that column, which has
//   the nextval() default a serial gets): drizzle calls such a column "serial";
// - defaults are spelled as drizzle spells them (DefaultSpelling: 'draft', not
//   'draft'::post_status), which means the same to PostgreSQL;
// - other texts (checks, index expressions, predicates, policies, view definitions) are
//   PostgreSQL's own (pg_get_expr, pg_get_viewdef, …), so names in them are qualified as the
//   session's search_path requires;
// - the steps run in one REPEATABLE READ transaction, so they see one snapshot; rows that
//   refer to a relation no other step returned are dropped all the same, rather than
//   trusted (on a session already in a transaction the steps run in that one).
// Servers from PostgreSQL 10 on are supported; columns newer than that are version-guarded.
class Introspector : public QObject
{
    Q_OBJECT
public:
    // One query each, in this order; each reports (and progress() moves on) as it ends.
    enum Step { Schemas, Relations, Columns, Constraints, Indexes, Enums, Sequences, Policies, StepCount };
    static constexpr int minimumServerVersion = 100000;

    explicit Introspector(QObject *parent = nullptr);
    ~Introspector() override;

    // Starts reading through `connection`, which must be open; an introspection already
    // running is abandoned. -> progress()…, then finished() or failed().
    void introspect(Connection *connection, const IntrospectOptions &options = {});
    // Interrupts its own statements (Connection::cancelRequest: others' statements on the
    // same connection are left alone), drops whatever arrives later and emits failed() with
    // PgError::Kind::Cancelled at once.
    void cancel();
    bool isRunning() const { return m_running; }

    // The statements for a server version (ServerInfo::versionNumber), in Step order; pure.
    // Each is one statement with the schema list as $1, and returns its rows in no order.
    static QList<Query> queries(int serverVersion, const IntrospectOptions &options = {});
    // Builds the model from the results of queries(), in Step order; pure, needs no server.
    // Key columns come as attnums and are named from the Columns step's rows.
    static Schema assemble(const QList<QueryResult> &results, const IntrospectOptions &options = {});

    // For the command line and tests: opens the connection if needed, introspects, and waits
    // in a local event loop. On failure returns nothing and fills *error (if given).
    static std::optional<Schema> introspectAndWait(Connection &connection,
                                                   const IntrospectOptions &options = {},
                                                   PgError *error = nullptr);

signals:
    // Before each step (done = steps finished so far) and once more before assembling.
    void progress(int done, int total, const QString &what);
    void finished(const strata::Schema &schema);
    void failed(const strata::PgError &error);

private:
    void onFinished(RequestId id, const QueryResult &result);
    void onFailed(RequestId id, const PgError &error);
    void stop();
    void failLater(const PgError &error);
    static QString stepLabel(int step);

    QPointer<Connection> m_connection;
    IntrospectOptions m_options;
    QList<QueryResult> m_results;
    RequestId m_first = 0;  // Step i reports under m_first + i; 0 before submitting
    bool m_running = false;
    quint64 m_generation = 0;  // bumped by every start and stop, so late posts are dropped
    QList<QMetaObject::Connection> m_links;
};

} // namespace strata
