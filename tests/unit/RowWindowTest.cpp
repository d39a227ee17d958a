// RowWindow against a page source that answers from memory, when the test says so: which page
// it asks for, from which anchor, what it keeps, what it drops, and what it ignores.
#include "TestRegistry.h"

#include "data/RowWindow.h"

#include <QSignalSpy>
#include <QTest>

using namespace strata;

namespace {

// Rows 0..size-1 keyed by their number; answers only when told, so that tests can interleave.
class FakePageSource : public PageSource
{
public:
    explicit FakePageSource(int size)
        : m_size(size)
    {
    }

    struct Asked {
        Ticket ticket;
        PageRequest request;
    };
    QList<Asked> pending;
    QList<Ticket> cancelled;
    int landingSkew = 0;  // where a Land really lands, relative to the row asked for
    bool byOffset = false;  // like a view: every page read by OFFSET from request.row
    int size() const { return m_size; }
    void setSize(int size) { m_size = size; }

    Ticket fetch(const PageRequest &request) override
    {
        pending.append({++m_ticket, request});
        return m_ticket;
    }
    void cancel(Ticket ticket) override
    {
        cancelled << ticket;
        pending.removeIf([ticket](const Asked &a) { return a.ticket == ticket; });
    }

    PageRequest last() const { return pending.last().request; }

    // Answers the oldest (or the given) request.
    void answer(Ticket ticket = 0)
    {
        const auto it = std::find_if(pending.begin(), pending.end(),
                                     [ticket](const Asked &a) { return ticket == 0 || a.ticket == ticket; });
        QVERIFY(it != pending.end());
        const Asked asked = *it;
        pending.erase(it);
        if (qEnvironmentVariableIsSet("ROWWINDOW_TRACE"))
            qDebug() << int(asked.request.kind) << asked.request.anchor << asked.request.row << asked.request.limit;
        emit fetched(asked.ticket, page(asked.request));
    }
    // Answers until the window asks for nothing more; a window that keeps asking fails.
    void answerAll()
    {
        for (int i = 0; i < 1000 && !pending.isEmpty(); ++i)
            answer();
        QVERIFY2(pending.isEmpty(), "the window never stops asking");
    }
    void fail(const PgError &error)
    {
        const Asked asked = pending.takeFirst();
        emit failed(asked.ticket, error);
    }

    PageResult page(const PageRequest &request) const
    {
        int from = 0;
        int to = 0;  // exclusive
        const int anchor = request.anchor.value(0).toInt();
        if (byOffset) {
            PageResult result;
            result.exactPosition = true;
            for (qint64 i = request.row; i < qMin<qint64>(request.row + request.limit, m_size); ++i)
                result.rows << Row{{}, {QString::number(i)}};
            return result;
        }
        switch (request.kind) {
        case PageRequest::Kind::First:
            from = 0;
            to = request.limit;
            break;
        case PageRequest::Kind::Last:
            from = m_size - request.limit;
            to = m_size;
            break;
        case PageRequest::Kind::After:
            from = anchor + 1;
            to = from + request.limit;
            break;
        case PageRequest::Kind::Before:
            to = anchor;
            from = to - request.limit;
            break;
        case PageRequest::Kind::Land:
            from = int(request.fraction * m_size) + landingSkew;
            to = from + request.limit;
            break;
        }
        from = qBound(0, from, m_size);
        to = qBound(0, to, m_size);
        PageResult result;
        for (int i = from; i < to; ++i)
            result.rows << Row{{QString::number(i)}, {QString::number(i), QStringLiteral("row %1").arg(i)}};
        return result;
    }

private:
    int m_size;
    Ticket m_ticket = 0;
};

int shown(const RowWindow &window, qint64 row)
{
    const Row *r = window.row(row);
    return r ? r->values.value(0).toInt() : -1;
}

} // namespace

class RowWindowTest : public QObject
{
    Q_OBJECT

private slots:
    void firstPageOnReset()
    {
        FakePageSource source(10000);
        RowWindow window(&source);
        QSignalSpy loaded(&window, &RowWindow::rowsLoaded);
        window.reset(10000);
        QCOMPARE(source.pending.size(), 1);
        QCOMPARE(source.last().kind, PageRequest::Kind::First);
        QCOMPARE(source.last().limit, 500);
        QVERIFY(window.row(0) == nullptr);  // loading, never blocking
        QVERIFY(window.isLoading());
        source.answer();
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded[0][0].toLongLong(), 0);
        QCOMPARE(loaded[0][1].toLongLong(), 500);
        QCOMPARE(shown(window, 0), 0);
        QCOMPARE(shown(window, 499), 499);
        QVERIFY(window.row(500) == nullptr);
        QCOMPARE(window.rowCount(), 10000);
        QVERIFY(!window.isCountExact());
    }

    void scrollingPagesForwardByKey()
    {
        FakePageSource source(10000);
        RowWindow window(&source);
        window.reset(10000);
        source.answer();
        window.setViewport(400, 450);  // half a page beyond the viewport is wanted: row 700
        QCOMPARE(source.pending.size(), 1);
        QCOMPARE(source.last().kind, PageRequest::Kind::After);
        QCOMPARE(source.last().anchor, QStringList{QStringLiteral("499")});
        source.answer();
        QCOMPARE(shown(window, 500), 500);
        QCOMPARE(shown(window, 999), 999);
        QVERIFY(source.pending.isEmpty());
        QVERIFY(window.isPositionExact());
    }

    void evictsLeastRecentlyViewedPages()
    {
        FakePageSource source(100000);
        RowWindow window(&source);
        window.setPageSize(100);
        window.setMaxPages(5);
        window.reset(100000);
        source.answerAll();
        for (int first = 0; first < 3000; first += 40) {
            window.setViewport(first, first + 30);
            source.answerAll();
            QVERIFY2(window.loadedPages() <= 5, qPrintable(QString::number(window.loadedPages())));
        }
        QCOMPARE(shown(window, 3000), 3000);
        QVERIFY(window.row(0) == nullptr);     // evicted
        QVERIFY(window.row(1000) == nullptr);
        // Scrolling back reads them again, by key from the nearest page still held.
        window.setViewport(2500, 2530);
        source.answerAll();
        QCOMPARE(shown(window, 2500), 2500);
    }

    void answersOfAnOlderGenerationAreDropped()
    {
        FakePageSource source(10000);
        RowWindow window(&source);
        window.reset(10000);
        const auto oldTicket = source.pending.first().ticket;
        window.reset(5000);  // a new sort or filter while the first page is on its way
        QVERIFY(source.cancelled.contains(oldTicket));
        // A source may still deliver what was cancelled: it must change nothing.
        emit source.fetched(oldTicket, source.page({PageRequest::Kind::Last, {}, 0, 0, 500}));
        QVERIFY(window.row(0) == nullptr);
        QCOMPARE(window.generation(), quint64(2));
        source.answer();
        QCOMPARE(shown(window, 0), 0);
        QCOMPARE(window.rowCount(), 5000);
    }

    void newestViewportWins()
    {
        FakePageSource source(1000000);
        RowWindow window(&source);
        window.reset(1000000);
        source.answer();
        window.setViewport(400, 450);
        const auto afterTicket = source.pending.first().ticket;
        QCOMPARE(source.last().kind, PageRequest::Kind::After);
        window.setViewport(600000, 600040);  // the scroll bar dragged to the middle
        QVERIFY(source.cancelled.contains(afterTicket));
        QCOMPARE(source.pending.size(), 1);
        QCOMPARE(source.last().kind, PageRequest::Kind::Land);
        QCOMPARE(source.last().fraction, 0.59975);  // half a page above the viewport
        emit source.fetched(afterTicket, source.page({PageRequest::Kind::After, {"499"}, 0, 0, 500}));
        QVERIFY(window.row(500) == nullptr);
    }

    void farJumpLandsAndPagesFromThere()
    {
        FakePageSource source(1000000);
        source.landingSkew = 37;  // statistics are never exact
        RowWindow window(&source);
        window.reset(1000000);
        source.answer();
        window.setViewport(500000, 500040);
        QCOMPARE(source.last().kind, PageRequest::Kind::Land);
        QCOMPARE(source.last().row, 499750);
        source.answer();
        QVERIFY(!window.isPositionExact());
        QVERIFY(window.row(0) == nullptr);  // the first page went: it is not next to these
        QCOMPARE(shown(window, 499750), 499750 + 37);
        // The next page follows by key from the landed one, both ways.
        source.answerAll();
        QCOMPARE(shown(window, 500249), 500249 + 37);
        QCOMPARE(shown(window, 500250), 500250 + 37);
        window.setViewport(499700, 499740);
        QCOMPARE(source.last().kind, PageRequest::Kind::Before);
        QCOMPARE(source.last().anchor, QStringList{QString::number(499750 + 37)});
        source.answerAll();
        QCOMPARE(shown(window, 499700), 499700 + 37);
    }

    void reachingTheStartAfterAJumpReadsItExactly()
    {
        FakePageSource source(100000);
        source.landingSkew = -3000;  // landed 3000 rows too early: the start comes too soon
        RowWindow window(&source);
        window.reset(100000);
        source.answer();
        window.setViewport(5000, 5040);
        QCOMPARE(source.last().kind, PageRequest::Kind::Land);
        source.answerAll();
        for (qint64 first = 4700; first > 0 && window.isLoading() == false; first -= 300) {
            window.setViewport(first, first + 40);
            source.answerAll();
        }
        window.setViewport(0, 40);
        source.answerAll();
        QVERIFY(window.isPositionExact());
        QCOMPARE(shown(window, 0), 0);
        QCOMPARE(shown(window, 40), 40);
    }

    void endKeyJumpsToTheLastPage()
    {
        FakePageSource source(10000);
        RowWindow window(&source);
        window.reset(10000, true);
        source.answer();
        window.setViewport(9960, 9999);
        QCOMPARE(source.last().kind, PageRequest::Kind::Last);
        source.answer();
        QVERIFY(window.isPositionExact());  // the count is exact, so the end is too
        QCOMPARE(shown(window, 9999), 9999);
        QCOMPARE(shown(window, 9500), 9500);
        QCOMPARE(shown(window, 0), 0);  // the first page stays: both are exact
    }

    void shortFirstPageFixesTheCount()
    {
        FakePageSource source(120);
        RowWindow window(&source);
        QSignalSpy counts(&window, &RowWindow::rowCountChanged);
        window.reset(1000);  // a stale estimate
        source.answer();
        QCOMPARE(window.rowCount(), 120);
        QVERIFY(window.isCountExact());
        QCOMPARE(counts.last()[1].toLongLong(), 120);
    }

    void countGrowsPastALowEstimate()
    {
        FakePageSource source(1200);
        RowWindow window(&source);
        window.reset(-1);  // never analysed
        QCOMPARE(window.rowCount(), 0);
        source.answer();
        QCOMPARE(window.rowCount(), 501);  // one more row to scroll into
        window.setViewport(470, 500);
        source.answerAll();
        QCOMPARE(window.rowCount(), 1001);
        window.setViewport(970, 1000);
        source.answerAll();
        QCOMPARE(window.rowCount(), 1200);
        QVERIFY(window.isCountExact());
        QCOMPARE(shown(window, 1199), 1199);
    }

    void emptyRelation()
    {
        FakePageSource source(0);
        RowWindow window(&source);
        window.reset(-1);
        source.answer();
        QCOMPARE(window.rowCount(), 0);
        QVERIFY(window.isCountExact());
        window.setViewport(0, 10);
        QVERIFY(source.pending.isEmpty());
    }

    void failureWaitsForRetry()
    {
        FakePageSource source(10000);
        RowWindow window(&source);
        QSignalSpy failed(&window, &RowWindow::failed);
        window.reset(10000);
        PgError error;
        error.kind = PgError::Kind::Server;
        error.message = QStringLiteral("permission denied for table t");
        source.fail(error);
        QCOMPARE(failed.size(), 1);
        QVERIFY(window.hasFailed());
        window.setViewport(0, 40);
        QVERIFY(source.pending.isEmpty());  // no storm of failing requests
        window.retry();
        QCOMPARE(source.pending.size(), 1);
        source.answer();
        QCOMPARE(shown(window, 0), 0);
        QVERIFY(!window.hasFailed());
    }

    void endByOffsetWithAnEstimateTooHigh()
    {
        FakePageSource source(4700);
        source.byOffset = true;  // a view: no key, so OFFSET; the planner guessed 5,000 rows
        RowWindow window(&source);
        window.reset(5000);
        source.answer();
        window.setViewport(4960, 4999);
        QCOMPARE(source.last().kind, PageRequest::Kind::Last);
        QCOMPARE(source.last().row, 4500);
        source.answerAll();
        QCOMPARE(window.rowCount(), 4700);
        QVERIFY(window.isCountExact());
        QCOMPARE(shown(window, 4699), 4699);
        QCOMPARE(shown(window, 4500), 4500);
    }

    void exactCountArrivesLater()
    {
        FakePageSource source(7000);
        RowWindow window(&source);
        window.reset(9000);
        source.answer();
        window.setRowCount(7000, true);
        QCOMPARE(window.rowCount(), 7000);
        QVERIFY(window.isCountExact());
        window.setViewport(6990, 6999);
        QCOMPARE(source.last().kind, PageRequest::Kind::Last);
        source.answer();
        QCOMPARE(shown(window, 6999), 6999);
    }
};

STRATA_TEST(RowWindowTest)
#include "RowWindowTest.moc"
