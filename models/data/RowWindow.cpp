#include "RowWindow.h"

namespace strata {

namespace {
// A gap this many pages from loaded rows is filled by paging towards it; farther is a jump.
constexpr int nearPages = 4;
}

RowWindow::RowWindow(PageSource *source, QObject *parent)
    : QObject(parent)
    , m_source(source)
{
    connect(m_source, &PageSource::fetched, this, &RowWindow::fetched);
    connect(m_source, &PageSource::failed, this, &RowWindow::fetchFailed);
}

void RowWindow::reset(qint64 rowCount, bool exact)
{
    if (m_inFlight != 0)
        m_source->cancel(m_inFlight);
    setInFlight(0);
    ++m_generation;
    m_error = {};
    dropAll();
    m_countExact = exact && rowCount >= 0;
    changeRowCount(qMax<qint64>(0, rowCount));
    m_positionExact = true;
    // The first page also tells whether the relation is smaller than the estimate said.
    request({PageRequest::Kind::First, {}, 0, 0, m_pageSize}, 0);
}

void RowWindow::setRowCount(qint64 rowCount, bool exact)
{
    m_countExact = exact;
    dropFrom(rowCount);
    changeRowCount(rowCount);
    ensureLoaded();
}

qint64 RowWindow::loadedRows() const
{
    qint64 rows = 0;
    for (const auto &[start, block] : m_blocks)
        rows += block.rows.size();
    return rows;
}

void RowWindow::setViewport(qint64 firstRow, qint64 lastRow)
{
    m_viewFirst = firstRow;
    m_viewLast = lastRow;
    for (auto &[start, block] : m_blocks) {
        if (start <= lastRow && block.end(start) > firstRow)
            block.lastUsed = ++m_clock;
    }
    ensureLoaded();
}

const Row *RowWindow::row(qint64 index) const
{
    const auto it = blockBefore(index);
    if (it == m_blocks.end() || index >= it->second.end(it->first))
        return nullptr;
    return &it->second.rows[index - it->first];
}

void RowWindow::retry()
{
    m_error = {};
    if (m_blocks.empty() && m_inFlight == 0) {
        reset(m_rowCount, m_countExact);
        return;
    }
    ensureLoaded();
}

RowWindow::Blocks::const_iterator RowWindow::blockBefore(qint64 row) const
{
    auto it = m_blocks.upper_bound(row);
    if (it == m_blocks.begin())
        return m_blocks.end();
    return --it;
}

std::pair<qint64, qint64> RowWindow::wanted() const
{
    qint64 first = m_viewFirst;
    qint64 last = m_viewLast;
    if (last < first) {
        first = 0;
        last = m_pageSize - 1;
    }
    // Half a page beyond each edge, so that the next scroll step usually finds rows ready.
    first = qMax<qint64>(0, first - m_pageSize / 2);
    last = qMin(m_rowCount - 1, last + m_pageSize / 2);
    return {first, last};
}

qint64 RowWindow::firstMissing(qint64 from, qint64 to) const
{
    qint64 row = from;
    while (row <= to) {
        const auto it = blockBefore(row);
        if (it == m_blocks.end() || row >= it->second.end(it->first))
            return row;
        row = it->second.end(it->first);
    }
    return -1;
}

void RowWindow::ensureLoaded()
{
    if (!m_error.isNull() || m_rowCount <= 0)
        return;
    const auto [first, last] = wanted();
    const qint64 near = qint64(nearPages) * m_pageSize;
    if (m_inFlight != 0) {
        // Only the newest viewport waits: a request for rows scrolled far away is cancelled.
        const PageRequest &pending = m_pending.request;
        qint64 from = m_pending.place;
        if (pending.kind == PageRequest::Kind::Before || pending.kind == PageRequest::Kind::Last)
            from -= pending.limit;
        const qint64 to = from + pending.limit;
        if (to > first - near && from <= last + near)
            return;
        m_source->cancel(m_inFlight);
        setInFlight(0);
    }
    const qint64 missing = firstMissing(first, last);
    if (missing < 0)
        return;

    const auto prev = blockBefore(missing);
    const auto next = m_blocks.upper_bound(missing);
    const bool hasPrev = prev != m_blocks.end();
    const bool hasNext = next != m_blocks.end();
    const qint64 prevEnd = hasPrev ? prev->second.end(prev->first) : 0;
    if (hasPrev && missing - prevEnd < near) {
        const int limit = hasNext ? int(qMin<qint64>(m_pageSize, next->first - prevEnd)) : m_pageSize;
        request({PageRequest::Kind::After, prev->second.rows.last().anchor, 0, 0, limit}, prevEnd);
    } else if (hasNext && next->first - missing <= near) {
        const int limit = int(qMin<qint64>(m_pageSize, next->first - prevEnd));
        request({PageRequest::Kind::Before, next->second.rows.first().anchor, 0, 0, limit}, next->first);
    } else if (missing < near) {
        jump(PageRequest::Kind::First, 0);
    } else if (missing + near >= m_rowCount) {
        jump(PageRequest::Kind::Last, missing);
    } else {
        jump(PageRequest::Kind::Land, missing);
    }
}

void RowWindow::jump(PageRequest::Kind kind, qint64 row)
{
    switch (kind) {
    case PageRequest::Kind::First:
        // Rows placed by estimate cannot stay next to rows counted from the start.
        if (!m_positionExact)
            dropAll();
        m_positionExact = true;
        request({kind, {}, 0, 0, m_pageSize}, 0);
        break;
    case PageRequest::Kind::Last:
        if (!(m_positionExact && m_countExact))
            dropAll();
        m_positionExact = m_countExact;
        request({kind, {}, 0, 0, m_pageSize}, m_rowCount);
        break;
    default:
        dropAll();
        request({kind, {}, double(row) / double(qMax<qint64>(1, m_rowCount)), row, m_pageSize}, row);
        break;
    }
}

void RowWindow::request(PageRequest request, qint64 place)
{
    // The first row the page is for, which sources without a key read by OFFSET.
    if (request.kind == PageRequest::Kind::After)
        request.row = place;
    else if (request.kind == PageRequest::Kind::Before || request.kind == PageRequest::Kind::Last)
        request.row = qMax<qint64>(0, place - request.limit);
    m_pending = {request, place, m_generation};
    setInFlight(m_source->fetch(request));
}

void RowWindow::setInFlight(PageSource::Ticket ticket)
{
    const bool was = m_inFlight != 0;
    m_inFlight = ticket;
    if (was != (ticket != 0))
        emit loadingChanged(ticket != 0);
}

void RowWindow::fetched(PageSource::Ticket ticket, const PageResult &result)
{
    if (ticket == 0 || ticket != m_inFlight)
        return;  // cancelled, or for an older request
    const Pending pending = m_pending;
    setInFlight(0);
    if (pending.generation != m_generation) {
        ensureLoaded();
        return;
    }
    const QList<Row> &rows = result.rows;
    const qint64 got = rows.size();
    const bool short_ = got < pending.request.limit;
    switch (pending.request.kind) {
    case PageRequest::Kind::First:
        m_positionExact = true;
        if (short_) {
            dropFrom(got);
            m_countExact = true;
            changeRowCount(got);
        } else if (m_rowCount <= got) {
            changeRowCount(got + 1);  // more rows than the estimate: one more to scroll into
        }
        place(0, rows);
        break;
    case PageRequest::Kind::After: {
        const qint64 start = pending.place;
        place(start, rows);
        if (short_) {
            // The end of the relation: whatever lay beyond is gone or was never there.
            dropFrom(start + got);
            m_countExact = m_positionExact;
            changeRowCount(start + got);
        } else if (start + got >= m_rowCount) {
            changeRowCount(start + got + 1);
        }
        break;
    }
    case PageRequest::Kind::Before: {
        const qint64 start = pending.place - got;
        if (short_ && start != 0) {
            // The first row, reached above position 0: the landing was an estimate, and now
            // every row of the chain has a known place. Move them all there.
            shift(-start);
            m_positionExact = true;
            place(0, rows);
        } else if (start == 0 && !m_positionExact && !short_) {
            // Position 0 reached with rows above it still unread: read the start exactly.
            jump(PageRequest::Kind::First, 0);
            return;
        } else {
            if (short_)
                m_positionExact = true;
            place(start, rows);
        }
        break;
    }
    case PageRequest::Kind::Last:
        if (result.exactPosition) {
            // Read by OFFSET from where the estimate put the end: a short page is the true end.
            const qint64 start = pending.request.row;
            m_positionExact = true;  // the other rows went with the jump, or were exact already
            place(start, rows);
            if (short_) {
                dropFrom(start + got);
                m_countExact = true;
                changeRowCount(start + got);
            }
        } else if (short_) {
            m_positionExact = true;
            m_countExact = true;
            dropFrom(got);
            changeRowCount(got);
            place(0, rows);
        } else {
            place(m_rowCount - got, rows);
        }
        break;
    case PageRequest::Kind::Land:
        m_positionExact = result.exactPosition;
        if (short_ && !result.exactPosition) {
            place(qMax<qint64>(0, m_rowCount - got), rows);  // landed in the last rows
        } else {
            place(pending.place, rows);
            if (short_) {
                m_countExact = true;
                changeRowCount(pending.place + got);
            }
        }
        break;
    }
    evict();
    ensureLoaded();
}

void RowWindow::fetchFailed(PageSource::Ticket ticket, const PgError &error)
{
    if (ticket == 0 || ticket != m_inFlight)
        return;
    const quint64 generation = m_pending.generation;
    setInFlight(0);
    if (generation != m_generation) {
        ensureLoaded();
        return;
    }
    m_error = error;
    emit failed(error);
}

void RowWindow::place(qint64 start, QList<Row> rows)
{
    if (rows.isEmpty())
        return;
    const qint64 end = start + rows.size();
    // Rows already held for the same places are replaced (a refetch after data changed).
    for (auto it = m_blocks.begin(); it != m_blocks.end();) {
        if (it->first < end && it->second.end(it->first) > start)
            it = m_blocks.erase(it);
        else
            ++it;
    }
    const qint64 count = rows.size();
    m_blocks[start] = Block{std::move(rows), ++m_clock};
    emit rowsLoaded(start, count);
}

void RowWindow::shift(qint64 by)
{
    Blocks moved;
    for (auto &[start, block] : m_blocks) {
        const qint64 count = block.rows.size();
        emit rowsDropped(start, count);
        if (start + by >= 0)
            moved.emplace(start + by, std::move(block));
    }
    m_blocks.swap(moved);
    for (const auto &[start, block] : m_blocks)
        emit rowsLoaded(start, block.rows.size());
}

void RowWindow::dropAll()
{
    Blocks blocks;
    blocks.swap(m_blocks);
    for (const auto &[start, block] : blocks)
        emit rowsDropped(start, block.rows.size());
}

void RowWindow::dropFrom(qint64 row)
{
    for (auto it = m_blocks.begin(); it != m_blocks.end();) {
        const qint64 start = it->first;
        const qint64 end = it->second.end(start);
        if (start >= row) {
            const qint64 count = end - start;
            it = m_blocks.erase(it);
            emit rowsDropped(start, count);
        } else {
            if (end > row) {
                it->second.rows.resize(row - start);
                emit rowsDropped(row, end - row);
            }
            ++it;
        }
    }
}

void RowWindow::changeRowCount(qint64 count)
{
    if (count == m_rowCount)
        return;
    const qint64 old = m_rowCount;
    m_rowCount = count;
    emit rowCountChanged(old, count);
}

void RowWindow::evict()
{
    while (int(m_blocks.size()) > m_maxPages) {
        auto victim = m_blocks.end();
        for (auto it = m_blocks.begin(); it != m_blocks.end(); ++it) {
            const bool visible = it->first <= m_viewLast && it->second.end(it->first) > m_viewFirst;
            if (!visible && (victim == m_blocks.end() || it->second.lastUsed < victim->second.lastUsed))
                victim = it;
        }
        if (victim == m_blocks.end())
            return;
        const qint64 start = victim->first;
        const qint64 count = victim->second.rows.size();
        m_blocks.erase(victim);
        emit rowsDropped(start, count);
    }
}

} // namespace strata
