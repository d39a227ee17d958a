// strata_bench browse: the table browser (TableBrowser → RowWindow → TablePageSource) against
// raw libpq on the same private server, in the same run.
#include "BrowseBench.h"

#include "ConnectionWait.h"
#include "Interrupt.h"
#include "Median.h"
#include "TestCluster.h"
#include "data/BrowseQuery.h"
#include "data/RelationInfo.h"
#include "data/RowWindow.h"
#include "data/TableBrowser.h"
#include "data/TablePageSource.h"
#include "schema/Introspector.h"
#include "pg/Connection.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTimeZone>
#include <QTimer>

#include <libpq-fe.h>
#include <malloc.h>

#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

namespace strata::bench {

namespace {

constexpr int rounds = 5;
constexpr qint64 viewRows = 40;      // a screenful of the grid
constexpr int rawFirstRows = 100;    // the baseline: SELECT … LIMIT 100
constexpr int timeoutMs = 120000;    // a stuck figure fails rather than hangs

const QString schemaName = QStringLiteral("public");
const QString tableName = QStringLiteral("big");

double msSince(const QElapsedTimer &timer)
{
    return timer.nsecsElapsed() / 1e6;
}

// The integer column: NULL in every 20th row (so the sort has its NULL branch), otherwise
// values scattered over a million, each about rows / 1M times. The table is loaded first and
// indexed after, as a bulk load would be; (n, id) is the index a user sorting by n would have.
QString tableSql(qint64 rows)
{
    return QStringLiteral(
               "CREATE TABLE big (id bigint NOT NULL, n integer, label text NOT NULL,"
               " created timestamptz NOT NULL, amount numeric(12,2));"
               "INSERT INTO big SELECT g,"
               " CASE WHEN g % 20 = 0 THEN NULL ELSE ((g * 7919) % 1000003)::integer END,"
               " 'item ' || g || ' of batch ' || (g / 1000),"
               " timestamptz '2020-01-01 00:00:00+00' + g * interval '17 seconds',"
               " (g % 1000000) / 100.0"
               " FROM generate_series(1::bigint, %1) g;"
               "ALTER TABLE big ADD PRIMARY KEY (id);"
               "CREATE INDEX big_n ON big (n, id);")
        .arg(rows);
}

// The columns a raw query selects: the table's, nothing added.
const QByteArray rawColumns = "id, n, label, created, amount";

// One libpq session with nothing in between: the baseline.
class RawSession
{
public:
    RawSession() = default;
    RawSession(const RawSession &) = delete;
    RawSession &operator=(const RawSession &) = delete;
    ~RawSession()
    {
        if (m_conn)
            PQfinish(m_conn);
    }

    bool open(const std::vector<const char *> &keys, const std::vector<const char *> &values, QString *error)
    {
        m_conn = PQconnectdbParams(keys.data(), values.data(), 0);
        if (PQstatus(m_conn) != CONNECTION_OK) {
            *error = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
            return false;
        }
        return true;
    }

    // The number of rows `sql` returned, or -1 with *error. Text parameters, types left to the
    // server, as the browser sends them.
    int run(const QByteArray &sql, const QList<QByteArray> &params, QString *error)
    {
        std::vector<const char *> values;
        for (const QByteArray &param : params)
            values.push_back(param.constData());
        PGresult *result = PQexecParams(m_conn, sql.constData(), int(values.size()), nullptr, values.data(),
                                        nullptr, nullptr, 0);
        int rows = -1;
        if (PQresultStatus(result) == PGRES_TUPLES_OK)
            rows = PQntuples(result);
        else
            *error = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
        PQclear(result);
        return rows;
    }

private:
    PGconn *m_conn = nullptr;
};

// ConnectionSpec's keywords as PQconnectdbParams takes them, built once, outside every timer.
struct RawParams {
    QList<QPair<QByteArray, QByteArray>> pairs;
    std::vector<const char *> keys;
    std::vector<const char *> values;

    explicit RawParams(const ConnectionSpec &spec)
        : pairs(spec.libpqParams())
    {
        for (const auto &[key, value] : pairs) {
            keys.push_back(key.constData());
            values.push_back(value.constData());
        }
        keys.push_back(nullptr);
        values.push_back(nullptr);
    }
};

// Spins an event loop until `done()` holds, the window fails, or the time is up.
bool waitUntil(RowWindow *window, const std::function<bool()> &done, QString *error)
{
    if (window->hasFailed()) {
        *error = window->error().toString();
        return false;
    }
    if (done())
        return true;
    QEventLoop loop;
    const auto check = [&] {
        if (done())
            loop.quit();
    };
    QObject::connect(window, &RowWindow::rowsLoaded, &loop, check);
    QObject::connect(window, &RowWindow::rowCountChanged, &loop, check);
    QObject::connect(window, &RowWindow::loadingChanged, &loop, check);
    QObject::connect(window, &RowWindow::failed, &loop, [&](const PgError &e) {
        *error = e.toString();
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, [&] {
        *error = QStringLiteral("timed out waiting for rows");
        loop.quit();
    });
    loop.exec();
    return error->isEmpty() && done();
}

bool waitIdle(RowWindow *window, QString *error)
{
    return waitUntil(window, [window] { return !window->isLoading(); }, error);
}

// Shows rows [first, last] (clipped to the rows there are) and waits until all are loaded.
bool show(RowWindow *window, qint64 first, qint64 last, QString *error)
{
    window->setViewport(first, last);
    return waitUntil(window, [window, first, last] {
        const qint64 end = qMin(last, window->rowCount() - 1);
        for (qint64 r = first; r <= end; ++r) {
            if (!window->row(r))
                return false;
        }
        return true;
    }, error);
}

// Runs `action` and returns the milliseconds until `window` loads `row`, taken in the slot
// that receives the rows rather than by polling; -1 with *error. *pageStart: where the page
// holding `row` starts.
double msUntilLoaded(RowWindow *window, qint64 row, const std::function<void()> &action, QString *error,
                     qint64 *pageStart = nullptr)
{
    QEventLoop loop;
    QElapsedTimer timer;
    double ms = -1;
    QObject::connect(window, &RowWindow::rowsLoaded, &loop, [&](qint64 first, qint64 count) {
        if (ms < 0 && first <= row && row < first + count) {
            ms = msSince(timer);
            if (pageStart)
                *pageStart = first;
            loop.quit();
        }
    });
    QObject::connect(window, &RowWindow::failed, &loop, [&](const PgError &e) {
        *error = e.toString();
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, [&] {
        *error = QStringLiteral("timed out waiting for row %1").arg(row);
        loop.quit();
    });
    timer.start();
    action();
    if (ms < 0 && error->isEmpty())
        loop.exec();
    return ms;
}

// From nothing, as a tab opens: the browser's own session (thread and backend), the session's
// time zone, the relation's description, then the first page (500 rows). *openedMs: the part
// until the description was read. With `known` (the schema the window read when it connected,
// as when a tab opens from the sidebar) the first page goes out without waiting for it.
double browserFirstRows(const ConnectionSpec &spec, const RelationInfo *known, double *openedMs, QString *error)
{
    QElapsedTimer timer;
    timer.start();
    TableBrowser browser(spec, QString(), schemaName, tableName);
    if (known)
        browser.setKnownRelation(*known);
    QEventLoop loop;
    double ms = -1;
    QObject::connect(&browser, &TableBrowser::opened, &loop, [&] { *openedMs = msSince(timer); });
    QObject::connect(browser.window(), &RowWindow::rowsLoaded, &loop, [&](qint64 first, qint64 count) {
        if (ms < 0 && first <= 0 && 0 < first + count) {
            ms = msSince(timer);
            loop.quit();
        }
    });
    QObject::connect(&browser, &TableBrowser::failed, &loop, [&](const PgError &e) {
        *error = e.toString();
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, [&] {
        *error = QStringLiteral("timed out opening the table");
        loop.quit();
    });
    browser.open();
    loop.exec();
    if (ms >= 0 && browser.window()->row(0)->values.value(0) != u"1") {
        *error = QStringLiteral("the first row is not id 1");
        return -1;
    }
    return ms;
}

double rawFirstRowsRun(const RawParams &params, QString *error)
{
    static const QByteArray sql = "SELECT " + rawColumns + " FROM public.big ORDER BY id LIMIT "
        + QByteArray::number(rawFirstRows);
    QElapsedTimer timer;
    timer.start();
    RawSession session;
    if (!session.open(params.keys, params.values, error))
        return -1;
    const int rows = session.run(sql, {}, error);
    const double ms = msSince(timer);
    if (rows >= 0 && rows != rawFirstRows)
        *error = QStringLiteral("raw first rows: %1 rows").arg(rows);
    return rows == rawFirstRows ? ms : -1;
}

std::unique_ptr<TableBrowser> openBrowser(const ConnectionSpec &spec, QString *error)
{
    auto browser = std::make_unique<TableBrowser>(spec, QString(), schemaName, tableName);
    QEventLoop loop;
    QObject::connect(browser.get(), &TableBrowser::opened, &loop, &QEventLoop::quit);
    QObject::connect(browser.get(), &TableBrowser::failed, &loop, [&](const PgError &e) {
        *error = e.toString();
        loop.quit();
    });
    browser->open();
    loop.exec();
    if (!browser->isOpen() || !show(browser->window(), 0, viewRows - 1, error) || !waitIdle(browser->window(), error))
        return nullptr;
    return browser;
}

// The scroll bar dragged to `target` from the top of the table, until that row is loaded.
// *landing: the first order value of the page the jump landed on, so that the raw query can
// read the same page.
double browserJump(TableBrowser &browser, qint64 target, QString *landing, QString *error)
{
    RowWindow *window = browser.window();
    // Back at the top first (untimed), so that every round jumps from the same place.
    if (!show(window, 0, viewRows - 1, error) || !waitIdle(window, error))
        return -1;
    if (window->row(target)) {
        *error = QStringLiteral("row %1 is loaded before the jump").arg(target);
        return -1;
    }
    qint64 pageStart = -1;
    const double ms = msUntilLoaded(window, target, [&] { window->setViewport(target, target + viewRows - 1); },
                                    error, &pageStart);
    if (ms < 0)
        return -1;
    *landing = window->row(pageStart)->anchor.value(0);
    // The window goes on to read the rest of the viewport's margin; not part of the figure.
    if (!waitIdle(window, error))
        return -1;
    return ms;
}

// `expected`: the rows the query must return; negative: any number.
double rawRun(RawSession &session, const QByteArray &sql, const QList<QByteArray> &params, int expected,
              QString *error)
{
    QElapsedTimer timer;
    timer.start();
    const int rows = session.run(sql, params, error);
    const double ms = msSince(timer);
    if (rows < 0 || (expected >= 0 && rows != expected)) {
        if (rows >= 0)
            *error = QStringLiteral("%1 rows, not %2: %3").arg(rows).arg(expected).arg(QString::fromUtf8(sql));
        return -1;
    }
    return ms;
}

QList<QByteArray> utf8(const QStringList &values)
{
    QList<QByteArray> bytes;
    for (const QString &value : values)
        bytes << value.toUtf8();
    return bytes;
}

// What the browser sends to open a table, replayed on a new libpq session with nothing in
// between: the part of its time that is the server's, step by step.
struct OpenSteps {
    QList<double> connect;
    QList<double> timeZone;
    QList<double> relation;
    QList<double> firstPage;
};

bool replayOpen(const RawParams &params, const RelationInfo &relation, OpenSteps *steps, QString *error)
{
    QElapsedTimer timer;
    timer.start();
    RawSession session;
    if (!session.open(params.keys, params.values, error))
        return false;
    steps->connect << msSince(timer);
    const QByteArray zone = QTimeZone::systemTimeZoneId();
    const Query describe = RelationInfo::query(schemaName, tableName);
    const Query first = BrowseQuery::build(relation, {}).keyset.first(500);
    const double zoneMs = rawRun(session, "SELECT pg_catalog.set_config('TimeZone', $1, false)",
                                 {zone.isEmpty() ? QByteArray("UTC") : zone}, 1, error);
    const double relationMs = rawRun(session, describe.sql.toUtf8(), utf8(describe.params), -1, error);
    const double firstMs = rawRun(session, first.sql.toUtf8(), utf8(first.params), 500, error);
    steps->timeZone << zoneMs;
    steps->relation << relationMs;
    steps->firstPage << firstMs;
    return zoneMs >= 0 && relationMs >= 0 && firstMs >= 0;
}

// VmRSS (resident now) or VmHWM (the peak) of this process, in kB.
qint64 statusKb(const char *field)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

double mb(qint64 kb)
{
    return kb / 1024.0;
}

int fail(const QString &error)
{
    if (wasInterrupted()) {
        std::fprintf(stderr, "browse: interrupted\n");
        return 130;
    }
    std::fprintf(stderr, "browse: %s\n", qPrintable(error));
    return 1;
}

struct MemoryFigure {
    qint64 beforeKb = 0;
    qint64 afterKb = 0;
    qint64 peakKb = 0;
    qint64 trimmedKb = 0;
    qint64 rowsFetched = 0;
    qint64 steps = 0;
    qint64 positionErrors = 0;
    int maxPages = 0;
    double seconds = 0;
};

// The whole table top to bottom a page (500 rows) per step with a screenful shown, so that
// every page is read by key from the one before and evicted once 40 are held; then far jumps
// (a quarter, three quarters, 200 pages scrolled upward from there by key (fewer in a small
// table), the middle, the end, the top).
bool scrollEverything(const ConnectionSpec &spec, qint64 rows, MemoryFigure *figure, QString *error)
{
    figure->beforeKb = statusKb("VmRSS");
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<TableBrowser> browser = openBrowser(spec, error);
    if (!browser)
        return false;
    RowWindow *window = browser->window();
    QObject::connect(window, &RowWindow::rowsLoaded, window, [&](qint64, qint64 count) {
        figure->rowsFetched += count;
        figure->maxPages = qMax(figure->maxPages, window->loadedPages());
    });
    const qint64 step = window->pageSize();
    qint64 nextReport = 1000000;
    for (qint64 first = 0; first < window->rowCount(); first += step) {
        if (!show(window, first, first + viewRows - 1, error))
            return false;
        if (first >= window->rowCount())
            break;  // the estimate was above the true count, which the last page told
        ++figure->steps;
        // In key order from the first row, row r is id r + 1: positions must stay exact.
        const Row *row = window->row(first);
        if (!row || row->values.value(0).toLongLong() != first + 1)
            ++figure->positionErrors;
        if (first >= nextReport) {
            std::fprintf(stderr, "  scrolled to row %lld, %d pages held, rss %.1f MB\n", qlonglong(first),
                         window->loadedPages(), mb(statusKb("VmRSS")));
            nextReport += 1000000;
        }
        if (wasInterrupted())
            return false;
    }
    if (window->rowCount() != rows || !window->isCountExact()) {
        *error = QStringLiteral("scrolled to the end, but the window counts %1 rows").arg(window->rowCount());
        return false;
    }
    const auto jumpTo = [&](qint64 target) {
        target = qBound<qint64>(0, target, window->rowCount() - viewRows);
        return show(window, target, target + viewRows - 1, error);
    };
    if (!jumpTo(rows / 4) || !jumpTo(rows * 3 / 4))
        return false;
    const qint64 upTo = qMax(rows * 3 / 4 - 200 * step, rows / 2);
    for (qint64 first = rows * 3 / 4 - step; first > upTo; first -= step) {
        if (!show(window, first, first + viewRows - 1, error))
            return false;
        ++figure->steps;
    }
    if (!jumpTo(rows / 2) || !jumpTo(rows) || !jumpTo(0) || !waitIdle(window, error))
        return false;
    figure->seconds = msSince(timer) / 1000;
    figure->afterKb = statusKb("VmRSS");
    figure->peakKb = statusKb("VmHWM");
    // What the allocator holds free but has not given back: if resident memory falls to where
    // it began, whatever it grew by while scrolling was not rows still referenced.
    malloc_trim(0);
    figure->trimmedKb = statusKb("VmRSS");
    return true;
}

} // namespace

int browse(qint64 rows)
{
    // ~TestCluster stops the server on every return path, Ctrl+C included.
    catchInterrupts();
    test::TestCluster cluster;
    QString error;
    const QString database = QStringLiteral("browse_bench");
    if (!startServer(cluster, database, &error))
        return fail(error);
    const ConnectionSpec spec = cluster.spec(database);
    const RawParams rawParams(spec);

    {
        Connection session(spec);
        if (!waitForOpen(session, &error))
            return fail(error);
        QElapsedTimer timer;
        timer.start();
        // VACUUM ANALYZE: statistics for the landing (and reltuples for the count shown), and
        // hint bits and the visibility map set, so that no figure pays for the bulk load.
        if (!waitForResult(session, Query{tableSql(rows), {}}, &error)
            || !waitForResult(session, Query{QStringLiteral("VACUUM ANALYZE big"), {}}, &error))
            return fail(error);
        std::fprintf(stderr, "PostgreSQL %s; generated %lld rows in %.1f s\n", qPrintable(session.serverInfo().version),
                     qlonglong(rows), msSince(timer) / 1000);
    }
    if (wasInterrupted())
        return fail(QString());

    // Memory first, while this process has run nothing else that could have grown its heap.
    std::fprintf(stderr, "memory: scrolling %lld rows…\n", qlonglong(rows));
    MemoryFigure memory;
    if (!scrollEverything(spec, rows, &memory, &error))
        return fail(error);
    std::printf("browse_memory rows=%lld rss_before_mb=%.1f rss_after_mb=%.1f rss_peak_mb=%.1f goal_rss_after_mb<200\n",
                qlonglong(rows), mb(memory.beforeKb), mb(memory.afterKb), mb(memory.peakKb));
    std::printf("browse_memory_scroll steps=%lld rows_fetched=%lld max_pages_held=%d position_errors=%lld seconds=%.1f "
                "rss_after_malloc_trim_mb=%.1f\n", qlonglong(memory.steps), qlonglong(memory.rowsFetched),
                memory.maxPages, qlonglong(memory.positionErrors), memory.seconds, mb(memory.trimmedKb));
    std::fflush(stdout);

    // The browser for the jumps, opened now for its relation, which the replay of the first
    // rows needs; it stays idle until then.
    std::unique_ptr<TableBrowser> browser = openBrowser(spec, &error);
    if (!browser)
        return fail(error);

    // 1. First rows. One unmeasured round each fills the caches for everyone.
    double openedMs = 0;
    OpenSteps replay;
    Connection reader(spec);
    PgError readError;
    const std::optional<Schema> schema = Introspector::introspectAndWait(reader, {}, &readError);
    if (!schema)
        return fail(readError.toString());
    const RelationInfo known = RelationInfo::fromSchema(*schema, schemaName, tableName, double(rows));
    if (browserFirstRows(spec, &known, &openedMs, &error) < 0 || browserFirstRows(spec, nullptr, &openedMs, &error) < 0
        || rawFirstRowsRun(rawParams, &error) < 0)
        return fail(error);
    QList<double> ours;
    QList<double> oursCold;
    QList<double> oursOpened;
    QList<double> raw;
    for (int round = 1; round <= rounds; ++round) {  // alternating, so both see the same load
        const auto runOurs = [&] {
            ours.append(browserFirstRows(spec, &known, &openedMs, &error));
            oursCold.append(browserFirstRows(spec, nullptr, &openedMs, &error));
            oursOpened.append(openedMs);
        };
        const auto runRaw = [&] { raw.append(rawFirstRowsRun(rawParams, &error)); };
        if (round % 2) {
            runOurs();
            runRaw();
        } else {
            runRaw();
            runOurs();
        }
        if (ours.contains(-1) || oursCold.contains(-1) || raw.contains(-1) || !replayOpen(rawParams, browser->relation(), &replay, &error)
            || wasInterrupted())
            return fail(error);
        std::fprintf(stderr, "first rows round %d: ours_ms=%.2f without the schema %.2f (opened %.2f) libpq_ms=%.2f; "
                     "replayed on libpq: connect %.2f, time zone %.2f, relation %.2f, first page %.2f\n", round,
                     ours.last(), oursCold.last(), oursOpened.last(), raw.last(), replay.connect.last(), replay.timeZone.last(),
                     replay.relation.last(), replay.firstPage.last());
    }
    std::printf("browse_first_rows rows=%lld ours_ms=%.2f libpq_ms=%.2f ratio=%.2f diff_ms=%.2f goal_diff_ms<=10\n",
                qlonglong(rows), median(ours), median(raw), median(ours) / median(raw), median(ours) - median(raw));
    std::printf("browse_first_rows_without_schema ours_ms=%.2f libpq_ms=%.2f diff_ms=%.2f (a tab whose relation the "
                "window has not read: the description first)\n", median(oursCold), median(raw), median(oursCold) - median(raw));
    std::printf("browse_first_rows_steps opened_ms=%.2f (connect, time zone, relation) first_page_ms=%.2f "
                "(500 rows, against libpq's 100)\n", median(oursOpened), median(oursCold) - median(oursOpened));
    const double replayed = median(replay.connect) + median(replay.timeZone) + median(replay.relation)
        + median(replay.firstPage);
    std::printf("browse_first_rows_replayed_on_libpq connect_ms=%.2f time_zone_ms=%.2f relation_ms=%.2f "
                "first_page_ms=%.2f sum_ms=%.2f (the browser's queries on a new libpq session)\n",
                median(replay.connect), median(replay.timeZone), median(replay.relation), median(replay.firstPage),
                replayed);
    std::fflush(stdout);

    // 2. Jumps to the middle, by key and by n, on open sessions.
    RawSession rawSession;
    if (!rawSession.open(rawParams.keys, rawParams.values, &error))
        return fail(error);
    const qint64 target = rows / 2;
    const int pageSize = browser->window()->pageSize();
    struct Jump {
        const char *name;
        QList<SortColumn> sort;
        QByteArray rawSql;
    };
    const QByteArray limit = " LIMIT " + QByteArray::number(pageSize);
    const QList<Jump> jumps{
        {"browse_jump_key", {}, "SELECT " + rawColumns + " FROM public.big WHERE id >= $1 ORDER BY id" + limit},
        {"browse_jump_sorted_n", {{QStringLiteral("n"), false}},
         "SELECT " + rawColumns + " FROM public.big WHERE n >= $1 ORDER BY n, id" + limit},
    };
    for (const Jump &jump : jumps) {
        browser->setSort(jump.sort);
        if (!show(browser->window(), 0, viewRows - 1, &error) || !waitIdle(browser->window(), &error))
            return fail(error);
        QString landing;
        // The unmeasured round also finds the value the browser lands on, for the raw query.
        if (browserJump(*browser, target, &landing, &error) < 0)
            return fail(error);
        const QList<QByteArray> params{landing.toUtf8()};
        if (rawRun(rawSession, jump.rawSql, params, pageSize, &error) < 0)
            return fail(error);
        // What the browser sends for the page itself, on the raw session: the rest of its time
        // is the landing (pg_stats) and the way through its worker thread.
        const Query pageQuery = BrowseQuery::build(browser->relation(), jump.sort).keyset.atOrAfter(landing, pageSize);
        QList<QByteArray> pageParams;
        for (const QString &p : pageQuery.params)
            pageParams << p.toUtf8();
        QList<double> oursJump;
        QList<double> rawJump;
        QList<double> pageJump;
        QList<double> statisticsJump;
        const QString landingColumn = jump.sort.isEmpty() ? QStringLiteral("id") : jump.sort.first().column;
        const Query statistics = TablePageSource::statisticsQuery(schemaName, tableName, landingColumn);
        QList<QByteArray> statisticsParams;
        for (const QString &p : statistics.params)
            statisticsParams << p.toUtf8();
        for (int round = 1; round <= rounds; ++round) {
            QString landed;
            const auto runOurs = [&] { oursJump.append(browserJump(*browser, target, &landed, &error)); };
            const auto runRaw = [&] {
                rawJump.append(rawRun(rawSession, jump.rawSql, params, pageSize, &error));
                statisticsJump.append(rawRun(rawSession, statistics.sql.toUtf8(), statisticsParams, -1, &error));
                pageJump.append(rawRun(rawSession, pageQuery.sql.toUtf8(), pageParams, pageSize, &error));
            };
            if (round % 2) {
                runOurs();
                runRaw();
            } else {
                runRaw();
                runOurs();
            }
            if (oursJump.contains(-1) || rawJump.contains(-1) || pageJump.contains(-1) || statisticsJump.contains(-1)
                || wasInterrupted())
                return fail(error);
            if (landed != landing)
                std::fprintf(stderr, "warning: landed on %s, not %s as before\n", qPrintable(landed), qPrintable(landing));
            std::fprintf(stderr, "%s round %d: ours_ms=%.2f libpq_ms=%.2f; replayed on libpq: statistics %.2f, "
                         "page %.2f\n", jump.name, round, oursJump.last(), rawJump.last(), statisticsJump.last(),
                         pageJump.last());
        }
        std::printf("%s rows=%lld target=%lld ours_ms=%.2f libpq_ms=%.2f ratio=%.2f goal<=2\n", jump.name,
                    qlonglong(rows), qlonglong(target), median(oursJump), median(rawJump),
                    median(oursJump) / median(rawJump));
        std::printf("%s_replayed_on_libpq statistics_ms=%.2f page_ms=%.2f sum_ms=%.2f landed_on=%s (the browser's "
                    "two queries on the open libpq session)\n", jump.name, median(statisticsJump), median(pageJump),
                    median(statisticsJump) + median(pageJump), qPrintable(landing));
        std::fflush(stdout);
    }
    std::printf("browse_times: medians of %d alternating rounds after one unmeasured round, over the Unix socket "
                "of a private server; first rows include connecting on both sides; jumps start from the top of "
                "the table with the browser's session and libpq's already open\n", rounds);
    return 0;
}

} // namespace strata::bench
