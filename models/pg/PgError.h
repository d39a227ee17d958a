#pragma once

#include <QMetaType>
#include <QString>

namespace strata {

// An error from the server or from libpq, with the fields PostgreSQL sends.
struct PgError {
    enum class Kind {
        None,
        Server,          // the server rejected a statement (SQLSTATE set)
        ConnectFailed,   // could not connect: wrong host, password, database, …
        ConnectionLost,  // the server went away during or between queries
        Cancelled,       // the query was cancelled (SQLSTATE 57014)
        Client,          // libpq or Strata itself failed before the server answered
    };

    Kind kind = Kind::None;
    QString sqlState;  // five characters, e.g. "42P01"
    QString message;   // primary message, without "ERROR:"
    QString detail;
    QString hint;
    QString context;
    int position = 0;  // 1-based character offset in the statement, 0 when not given
    bool needsPassword = false;     // the server asked for a password that was not given
    bool passwordRejected = false;  // a password was given and the server refused it

    bool isNull() const { return kind == Kind::None; }
    // An error of Strata's own (Kind::Client) with `message`.
    static PgError client(const QString &message);
    // "message (SQLSTATE)\nDetail: …\nHint: …", for status lines and terminals.
    QString toString() const;

    bool operator==(const PgError &) const = default;
};

} // namespace strata

Q_DECLARE_METATYPE(strata::PgError)
