#include "BlockingQuery.h"

#include "Connection.h"

#include <QEventLoop>

namespace strata {

bool BlockingQuery::open(Connection &connection, PgError *error)
{
    if (connection.isOpen())
        return true;
    PgError failure;
    QEventLoop loop;
    bool done = false;
    const auto opened = QObject::connect(&connection, &Connection::opened, &loop, [&] {
        done = true;
        loop.quit();
    });
    const auto openFailed = QObject::connect(&connection, &Connection::openFailed, &loop, [&](const PgError &e) {
        failure = e;
        done = true;
        loop.quit();
    });
    if (connection.state() != Connection::State::Connecting)
        connection.open();
    if (!done)
        loop.exec();
    QObject::disconnect(opened);
    QObject::disconnect(openFailed);
    if (failure.isNull())
        return true;
    if (error)
        *error = failure;
    return false;
}

std::optional<QueryResult> BlockingQuery::run(Connection &connection, const Query &query, PgError *error)
{
    if (!open(connection, error))
        return std::nullopt;
    std::optional<QueryResult> result;
    PgError failure;
    QEventLoop loop;
    bool done = false;
    RequestId id = 0;
    const auto finished = QObject::connect(&connection, &Connection::finished, &loop,
                                           [&](RequestId which, const QueryResult &rows) {
                                               if (which != id)
                                                   return;
                                               result = rows;
                                               done = true;
                                               loop.quit();
                                           });
    const auto failed = QObject::connect(&connection, &Connection::failed, &loop,
                                         [&](RequestId which, const PgError &e) {
                                             if (which != id)
                                                 return;
                                             failure = e;
                                             done = true;
                                             loop.quit();
                                         });
    id = connection.submit(query);
    if (!done)
        loop.exec();
    QObject::disconnect(finished);
    QObject::disconnect(failed);
    if (!result && error)
        *error = failure;
    return result;
}

} // namespace strata
