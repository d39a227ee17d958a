// strata_bench export: TableExport to CSV against raw libpq COPY … TO STDOUT into a file, on
// the same table of the same private server, in the same run.
#include "ExportBench.h"

#include "Interrupt.h"
#include "Median.h"
#include "TestCluster.h"
#include "data/TableExport.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <libpq-fe.h>

#include <cstdio>
#include <vector>

namespace strata::bench {

namespace {

constexpr int rounds = 3;
constexpr qint64 rowsPerInsert = 1000000;  // runSql() gives psql a minute per statement
const QString table = QStringLiteral("export_bench");
// What TableExport sends for a whole table with no filter (ExportJob::exportByCopy).
const QByteArray copySql = "COPY \"public\".\"export_bench\" (\"id\", \"name\", \"at\", \"amount\", \"active\") "
                           "TO STDOUT WITH (FORMAT csv, HEADER)";

double msSince(const QElapsedTimer &timer)
{
    return timer.nsecsElapsed() / 1e6;
}

struct Run {
    double ms = -1;
    qint64 rows = 0;
    qint64 bytes = 0;
};

int fail(const QString &error)
{
    if (wasInterrupted()) {
        std::fprintf(stderr, "export: interrupted\n");
        return 130;
    }
    std::fprintf(stderr, "export: %s\n", qPrintable(error));
    return 1;
}

Run oursRun(const ConnectionSpec &spec, const QString &path, QString *error)
{
    ExportRequest request;
    request.spec = spec;
    request.schema = QStringLiteral("public");
    request.table = table;
    request.format = ExportRequest::Format::Csv;
    request.path = path;
    TableExport exporter;
    QEventLoop loop;
    Run run;
    QObject::connect(&exporter, &TableExport::finished, &loop, [&](qint64 rows, qint64 bytes) {
        run.rows = rows;
        run.bytes = bytes;
        loop.quit();
    });
    QObject::connect(&exporter, &TableExport::failed, &loop, [&](const PgError &e) {
        *error = e.toString();
        loop.quit();
    });
    QElapsedTimer timer;
    timer.start();
    exporter.start(request);
    loop.exec();
    if (error->isEmpty())
        run.ms = msSince(timer);
    return run;
}

// The baseline: what any program using libpq would do, connect included as in ours.
Run copyRun(const ConnectionSpec &spec, const QString &path, QString *error)
{
    Run run;
    QElapsedTimer timer;
    timer.start();
    const QList<QPair<QByteArray, QByteArray>> params = spec.libpqParams();
    std::vector<const char *> keys;
    std::vector<const char *> values;
    for (const auto &[key, value] : params) {
        keys.push_back(key.constData());
        values.push_back(value.constData());
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);
    PGconn *conn = PQconnectdbParams(keys.data(), values.data(), 0);
    std::FILE *file = std::fopen(QFile::encodeName(path).constData(), "wb");
    PGresult *result = PQstatus(conn) == CONNECTION_OK ? PQexec(conn, copySql.constData()) : nullptr;
    if (!file || PQresultStatus(result) != PGRES_COPY_OUT) {
        *error = QStringLiteral("raw COPY: %1").arg(QString::fromUtf8(PQerrorMessage(conn)));
    } else {
        char *buffer = nullptr;
        int size = 0;
        while ((size = PQgetCopyData(conn, &buffer, 0)) > 0) {
            std::fwrite(buffer, 1, size_t(size), file);
            run.bytes += size;
            ++run.rows;
            PQfreemem(buffer);
        }
        --run.rows;  // the header
        PQclear(PQgetResult(conn));
    }
    PQclear(result);
    if (file)
        std::fclose(file);
    PQfinish(conn);
    if (error->isEmpty())
        run.ms = msSince(timer);
    return run;
}

} // namespace

int exportTable(qint64 rows)
{
    catchInterrupts();
    test::TestCluster cluster;
    QString error;
    const QString database = QStringLiteral("export_bench");
    if (!startServer(cluster, database, &error))
        return fail(error);
    QTemporaryDir dir;
    if (!dir.isValid())
        return fail(QStringLiteral("no temporary folder: %1").arg(dir.errorString()));

    QElapsedTimer timer;
    timer.start();
    if (!cluster.runSql(QStringLiteral("CREATE TABLE %1 (id bigint PRIMARY KEY, name text, at timestamptz, "
                                       "amount numeric(12, 2), active boolean)")
                            .arg(table),
                        nullptr, &error, database))
        return fail(error);
    for (qint64 first = 1; first <= rows; first += rowsPerInsert) {
        const qint64 last = std::min(rows, first + rowsPerInsert - 1);
        if (wasInterrupted())
            return fail(QString());
        if (!cluster.runSql(QStringLiteral("INSERT INTO %1 SELECT g, 'customer ' || md5(g::text), "
                                           "timestamptz '2024-01-01 00:00:00+00' + g * interval '1.5 seconds', "
                                           "(g % 1000000) / 100.0, g % 3 = 0 FROM generate_series(%2, %3) g")
                                .arg(table)
                                .arg(first)
                                .arg(last),
                            nullptr, &error, database))
            return fail(error);
    }
    if (!cluster.runSql(QStringLiteral("VACUUM ANALYZE %1").arg(table), nullptr, &error, database))
        return fail(error);
    std::fprintf(stderr, "generated %lld rows in %.1f s\n", static_cast<long long>(rows), msSince(timer) / 1000);

    const ConnectionSpec spec = cluster.spec(database);
    const QString oursPath = dir.filePath(QStringLiteral("ours.csv"));
    const QString copyPath = dir.filePath(QStringLiteral("copy.csv"));
    // One unmeasured round of each fills the OS and PostgreSQL caches for both.
    Run ours = oursRun(spec, oursPath, &error);
    Run copy = copyRun(spec, copyPath, &error);
    if (!error.isEmpty())
        return fail(error);
    QList<double> oursMs;
    QList<double> copyMs;
    for (int round = 1; round <= rounds && !wasInterrupted(); ++round) {
        QFile::remove(oursPath);
        QFile::remove(copyPath);
        // Alternating who goes first, so that neither always meets the other's leftovers.
        if (round % 2 == 1) {
            ours = oursRun(spec, oursPath, &error);
            copy = copyRun(spec, copyPath, &error);
        } else {
            copy = copyRun(spec, copyPath, &error);
            ours = oursRun(spec, oursPath, &error);
        }
        if (!error.isEmpty())
            return fail(error);
        const qint64 oursSize = QFileInfo(oursPath).size();
        if (ours.rows != rows || copy.rows != rows || oursSize != ours.bytes || oursSize != QFileInfo(copyPath).size())
            return fail(QStringLiteral("the files differ: ours %1 rows, %2 bytes; copy %3 rows, %4 bytes")
                            .arg(ours.rows)
                            .arg(oursSize)
                            .arg(copy.rows)
                            .arg(QFileInfo(copyPath).size()));
        oursMs.append(ours.ms);
        copyMs.append(copy.ms);
        std::fprintf(stderr, "round %d: ours_ms=%.1f copy_ms=%.1f\n", round, ours.ms, copy.ms);
    }
    if (wasInterrupted())
        return fail(QString());
    const double x = median(oursMs);
    const double y = median(copyMs);
    // ratio = our throughput / raw COPY's = copy_ms / ours_ms, as the goal (≥ 0.7×) is stated.
    std::printf("export rows=%lld ours_ms=%.1f copy_ms=%.1f ratio=%.2f goal>=0.7\n", static_cast<long long>(rows), x, y,
                y / x);
    std::printf("export_file csv_mb=%.1f ours_rows_per_s=%.0f copy_rows_per_s=%.0f\n", ours.bytes / 1e6,
                rows / (x / 1000), rows / (y / 1000));
    std::printf("export_times: connect included on both sides, over the private server's Unix socket (fsync off), "
                "files in %s, medians of %d alternating rounds after one unmeasured round of each\n",
                qPrintable(QFileInfo(dir.path()).absolutePath()), rounds);
    return 0;
}

} // namespace strata::bench
