// Property test of SchemaDiff and DdlWriter on a real server: for random pairs of schemas
// A and B (RandomSchema), the SQL of diff(A, B) must take a database built from A to one
// that reads back like a database built from B, and the down SQL must take it back to A.
//
// Seeded and reproducible: STRATA_PROPERTY_SEED picks the seed (else, with CI set, a fixed
// one; otherwise a fresh one, printed),
// STRATA_PROPERTY_PAIR runs one pair alone, STRATA_PROPERTY_PAIRS sets how many (200).
// Every failure names the seed, the pair and the command that reruns just that pair.
#include "RandomSchema.h"
#include "TestCluster.h"
#include "TestRegistry.h"

#include "pg/Connection.h"
#include "schema/DdlWriter.h"
#include "schema/Introspector.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTest>

#include <memory>
#include <random>

using namespace strata;

namespace {

// The seed CI runs (CI set): 200 pairs that pass, each reproducible.
constexpr quint64 kCiSeed = 20261125;

// splitmix64: a pair's seed from the run's seed, so that pairs are independent and each
// can be generated alone.
quint64 pairSeed(quint64 seed, int pair)
{
    quint64 z = seed + 0x9E3779B97F4A7C15ULL * quint64(pair + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

bool waitForOpen(Connection &connection, QString *error)
{
    QEventLoop loop;
    QObject::connect(&connection, &Connection::opened, &loop, &QEventLoop::quit);
    QObject::connect(&connection, &Connection::openFailed, &loop, [&](const PgError &e) {
        *error = e.toString();
        loop.quit();
    });
    connection.open();
    loop.exec();
    return connection.isOpen();
}

// Runs one statement in autocommit (ALTER TYPE … ADD VALUE cannot share a transaction with
// a statement that uses the label); returns the server's error, empty on success.
QString run(Connection &connection, const QString &sql)
{
    QString error;
    RequestId id = 0;
    bool done = false;
    QEventLoop loop;
    const auto finished = QObject::connect(&connection, &Connection::finished, &loop, [&](RequestId r) {
        if (r == id) {
            done = true;
            loop.quit();
        }
    });
    const auto failed = QObject::connect(&connection, &Connection::failed, &loop, [&](RequestId r, const PgError &e) {
        if (r == id) {
            error = e.toString();
            if (error.isEmpty())
                error = QStringLiteral("failed without a message");
            done = true;
            loop.quit();
        }
    });
    id = connection.submit(sql);
    if (!done)
        loop.exec();
    QObject::disconnect(finished);
    QObject::disconnect(failed);
    return error;
}

// The lines of one schema's text that the other's lacks, "-" expected, "+" actual.
QString difference(const Schema &expected, const Schema &actual)
{
    const QStringList a = describe(expected).split(QLatin1Char('\n'));
    const QStringList b = describe(actual).split(QLatin1Char('\n'));
    QStringList out;
    QString table;  // the table each differing line is in
    for (const QString &line : a) {
        if (!line.startsWith(QLatin1Char(' ')))
            table = line;
        if (!b.contains(line))
            out << QStringLiteral("  - ") + (line.startsWith(QLatin1Char(' ')) ? table + QStringLiteral(" :: ") : QString()) + line.trimmed();
    }
    for (const QString &line : b) {
        if (!line.startsWith(QLatin1Char(' ')))
            table = line;
        if (!a.contains(line))
            out << QStringLiteral("  + ") + (line.startsWith(QLatin1Char(' ')) ? table + QStringLiteral(" :: ") : QString()) + line.trimmed();
    }
    if (out.isEmpty())
        out << QStringLiteral("  (same text, other order: columns or labels)");
    return out.join(QLatin1Char('\n'));
}

// PostgreSQL adds a column at the end, so no migration can put a column that down adds
// back where it was: after down, columns are compared as a set.
Schema columnsByName(Schema schema)
{
    for (Table &table : schema.tables) {
        std::stable_sort(table.columns.begin(), table.columns.end(),
                         [](const Column &a, const Column &b) { return a.name < b.name; });
    }
    return schema;
}

} // namespace

class SchemaDiffPropertyTest : public QObject
{
    Q_OBJECT

    test::TestCluster m_cluster;
    std::unique_ptr<Connection> m_a;
    std::unique_ptr<Connection> m_b;
    quint64 m_seed = 0;
    int m_pairs = 200;
    int m_onlyPair = -1;

    QString rerun(int pair) const
    {
        return QStringLiteral("STRATA_PROPERTY_SEED=%1 STRATA_PROPERTY_PAIR=%2 build/dev/tests/strata_integration_tests "
                              "SchemaDiffPropertyTest")
            .arg(m_seed)
            .arg(pair);
    }

    // Empties a database: every schema with what is in it, then a fresh public.
    static QString resetSql()
    {
        return QStringLiteral(
            "DO $$ DECLARE name text; BEGIN "
            "FOR name IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
            "AND nspname <> 'information_schema' LOOP EXECUTE format('DROP SCHEMA %I CASCADE', name); END LOOP; "
            "EXECUTE 'CREATE SCHEMA public'; END $$;");
    }

    // Applies statements one by one; on failure says which and why.
    static QString apply(Connection &connection, const QStringList &statements)
    {
        for (qsizetype i = 0; i < statements.size(); ++i) {
            const QString error = run(connection, statements.at(i));
            if (!error.isEmpty())
                return QStringLiteral("statement %1 failed: %2\n    %3").arg(i + 1).arg(error, statements.at(i).trimmed());
        }
        return {};
    }

    static std::optional<Schema> introspect(Connection &connection, QString *error)
    {
        PgError pgError;
        std::optional<Schema> schema = Introspector::introspectAndWait(connection, {}, &pgError);
        if (!schema)
            *error = QStringLiteral("introspection failed: ") + pgError.toString();
        return schema;
    }

    // Builds `schema` from empty on `connection` with Strata's own SQL and reads it back.
    static std::optional<Schema> build(Connection &connection, const Schema &schema, QString *error)
    {
        *error = run(connection, resetSql());
        if (error->isEmpty())
            *error = apply(connection, DdlWriter::up(Schema{}, schema));
        if (!error->isEmpty())
            return std::nullopt;
        return introspect(connection, error);
    }

    // One pair; returns what went wrong, empty when nothing did.
    QString checkPair(int pair)
    {
        test::RandomSchema random(pairSeed(m_seed, pair));
        const Schema a = random.schema();
        const Schema b = random.mutate(a);
        const QStringList up = DdlWriter::up(a, b);
        const QStringList down = DdlWriter::down(a, b);
        const auto fail = [&](const QString &what) {
            return QStringLiteral("seed %1, pair %2: %3\n  rerun: %4\n  A:\n%5\n  B:\n%6\n  up SQL:\n%7\n  down SQL:\n%8")
                .arg(m_seed)
                .arg(pair)
                .arg(what, rerun(pair), describe(a), describe(b), DdlWriter::join(up), DdlWriter::join(down));
        };

        QString error;
        const std::optional<Schema> builtB = build(*m_b, b, &error);
        if (!builtB)
            return fail(QStringLiteral("creating B from empty: ") + error);
        const std::optional<Schema> builtA = build(*m_a, a, &error);
        if (!builtA)
            return fail(QStringLiteral("creating A from empty: ") + error);
        // The generator spells everything as introspection reads it back, so the models
        // themselves must come back unchanged.
        if (*builtA != a)
            return fail(QStringLiteral("A created from empty reads back otherwise (- model, + database):\n")
                        + difference(a, *builtA));
        if (*builtB != b)
            return fail(QStringLiteral("B created from empty reads back otherwise (- model, + database):\n")
                        + difference(b, *builtB));

        error = apply(*m_a, up);
        if (!error.isEmpty())
            return fail(QStringLiteral("applying up: ") + error);
        std::optional<Schema> afterUp = introspect(*m_a, &error);
        if (!afterUp)
            return fail(error);
        if (*afterUp != *builtB)
            return fail(QStringLiteral("after up, the database differs from B built from empty (- B, + after up):\n")
                        + difference(*builtB, *afterUp));

        error = apply(*m_a, down);
        if (!error.isEmpty())
            return fail(QStringLiteral("applying down: ") + error);
        std::optional<Schema> afterDown = introspect(*m_a, &error);
        if (!afterDown)
            return fail(error);
        if (columnsByName(*afterDown) != columnsByName(*builtA))
            return fail(QStringLiteral("after down, the database differs from A built from empty (- A, + after down):\n")
                        + difference(columnsByName(*builtA), columnsByName(*afterDown)));
        return {};
    }

private slots:
    void initTestCase()
    {
        const QByteArray seed = qgetenv("STRATA_PROPERTY_SEED");
        bool ok = true;
        // CI runs one fixed seed, so that a red build always means a change broke something;
        // elsewhere every run explores new pairs.
        const bool ci = !qEnvironmentVariableIsEmpty("CI");
        m_seed = !seed.isEmpty() ? seed.toULongLong(&ok)
                 : ci            ? kCiSeed
                                 : (quint64(std::random_device{}()) << 32) ^ std::random_device{}();
        QVERIFY2(ok, "STRATA_PROPERTY_SEED must be an unsigned number");
        if (qEnvironmentVariableIsSet("STRATA_PROPERTY_PAIRS"))
            m_pairs = qEnvironmentVariableIntValue("STRATA_PROPERTY_PAIRS");
        if (qEnvironmentVariableIsSet("STRATA_PROPERTY_PAIR"))
            m_onlyPair = qEnvironmentVariableIntValue("STRATA_PROPERTY_PAIR");
        qInfo("SchemaDiffPropertyTest seed %llu (rerun with STRATA_PROPERTY_SEED=%llu)", m_seed, m_seed);

        QString error;
        QVERIFY2(m_cluster.start(&error), qPrintable(error));
        QVERIFY2(m_cluster.createDatabase(QStringLiteral("prop_a"), &error), qPrintable(error));
        QVERIFY2(m_cluster.createDatabase(QStringLiteral("prop_b"), &error), qPrintable(error));
        m_a = std::make_unique<Connection>(m_cluster.spec(QStringLiteral("prop_a")));
        m_b = std::make_unique<Connection>(m_cluster.spec(QStringLiteral("prop_b")));
        QVERIFY2(waitForOpen(*m_a, &error), qPrintable(error));
        QVERIFY2(waitForOpen(*m_b, &error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        m_a.reset();
        m_b.reset();
    }

    void diffTakesAToBAndBack()
    {
        QElapsedTimer timer;
        timer.start();
        const int first = m_onlyPair >= 0 ? m_onlyPair : 0;
        const int last = m_onlyPair >= 0 ? m_onlyPair : m_pairs - 1;
        QStringList failures;
        for (int pair = first; pair <= last; ++pair) {
            const QString failure = checkPair(pair);
            if (!failure.isEmpty())
                failures << failure;
            // Reported while running, as QTest cuts long messages short.
            if (!failure.isEmpty() && (failures.size() <= 3 || m_onlyPair >= 0))
                qInfo("%s\n", qPrintable(failure));
        }
        qInfo("%d pair(s) in %lld ms, %lld failed, seed %llu", last - first + 1, timer.elapsed(),
              qint64(failures.size()), m_seed);
        for (const QString &failure : std::as_const(failures))
            qInfo("failed: %s", qPrintable(failure.section(QLatin1Char('\n'), 0, 1)));
        QVERIFY2(failures.isEmpty(),
                 qPrintable(QStringLiteral("%1 of %2 pairs failed with seed %3; see the log above, each with its rerun "
                                           "command")
                                .arg(failures.size())
                                .arg(last - first + 1)
                                .arg(m_seed)));
    }
};

STRATA_TEST(SchemaDiffPropertyTest)
#include "SchemaDiffPropertyTest.moc"
