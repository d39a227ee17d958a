#include "ConnectionWait.h"

#include <QEventLoop>

namespace strata::bench {

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

std::optional<QueryResult> waitForResult(Connection &connection, const Query &query, QString *error)
{
    std::optional<QueryResult> result;
    RequestId id = 0;
    QEventLoop loop;
    // Answers arrive queued, so connecting before submit() is enough to miss none.
    QObject::connect(&connection, &Connection::finished, &loop, [&](RequestId done, const QueryResult &r) {
        if (done == id) {
            result = r;
            loop.quit();
        }
    });
    QObject::connect(&connection, &Connection::failed, &loop, [&](RequestId done, const PgError &e) {
        if (done == id) {
            *error = e.toString();
            loop.quit();
        }
    });
    id = connection.submit(query);
    loop.exec();
    return result;
}

} // namespace strata::bench
