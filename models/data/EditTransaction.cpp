#include "EditTransaction.h"

#include "Tr.h"

namespace strata {

EditTransaction::EditTransaction(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{
    connect(connection, &Connection::finished, this, &EditTransaction::finished);
    connect(connection, &Connection::failed, this, &EditTransaction::requestFailed);
}

void EditTransaction::run(const QList<EditStatement> &statements)
{
    if (isRunning() || !m_connection)
        return;
    m_statements = statements;
    m_after = After::Nothing;
    m_step = 0;
    m_request = m_connection->submit(QStringLiteral("BEGIN"));
}

void EditTransaction::next()
{
    ++m_step;
    if (m_step <= m_statements.size()) {
        const EditStatement &statement = m_statements[m_step - 1];
        m_request = m_connection->submit(Query{statement.sql, statement.params});
    } else {
        m_request = m_connection->submit(QStringLiteral("COMMIT"));
    }
}

void EditTransaction::rollBack()
{
    m_request = m_connection->submit(QStringLiteral("ROLLBACK"));
}

void EditTransaction::finished(RequestId id, const QueryResult &result)
{
    if (id != m_request || !isRunning())
        return;
    m_request = 0;
    if (m_after != After::Nothing) {  // the ROLLBACK is done
        const After after = m_after;
        const int index = m_failedIndex;
        m_step = -1;
        m_after = After::Nothing;
        if (after == After::Conflict)
            emit conflicted(index, m_statements.value(index));
        else
            emit failed(index, m_error);
        return;
    }
    if (m_step > m_statements.size()) {
        // COMMIT answers "ROLLBACK" when the transaction had failed (a deferred constraint).
        m_step = -1;
        if (result.commandTag() == u"ROLLBACK") {
            PgError error;
            error.kind = PgError::Kind::Server;
            error.message = Tr::tr("The server rolled the transaction back at COMMIT.");
            emit failed(-1, error);
        } else {
            emit committed(int(m_statements.size()));
        }
        return;
    }
    if (m_step >= 1) {
        const EditStatement &statement = m_statements[m_step - 1];
        if (statement.expectsOneRow && result.rowsAffected() != 1) {
            m_failedIndex = m_step - 1;
            m_after = After::Conflict;
            rollBack();
            return;
        }
    }
    next();
}

void EditTransaction::requestFailed(RequestId id, const PgError &error)
{
    if (id != m_request || !isRunning())
        return;
    m_request = 0;
    if (m_after != After::Nothing || m_step > m_statements.size() || m_step == 0
        || error.kind == PgError::Kind::ConnectionLost) {
        // BEGIN, COMMIT or the ROLLBACK itself failed: the server has ended the transaction.
        const int index = m_after != After::Nothing ? m_failedIndex : -1;
        const PgError reported = m_after == After::Failure ? m_error : error;
        m_step = -1;
        m_after = After::Nothing;
        emit failed(index, reported);
        return;
    }
    m_failedIndex = m_step - 1;
    m_error = error;
    m_after = After::Failure;
    rollBack();
}

} // namespace strata
