#pragma once

#include "pg/ConnectionSpec.h"

#include <QHash>
#include <QList>
#include <QString>

namespace strata {

// The connection keywords of the libpq Strata links against, and the checks libpq makes on
// their values before it opens a socket: what every reader of a ConnectionSpec shares, so
// that Strata accepts exactly what PQconnectdbParams will accept.
class LibpqKeywords
{
public:
    // One connection keyword as the linked libpq knows it.
    struct Option {
        QString keyword;
        QString envVar;       // empty when libpq reads no environment variable for it
        bool secret = false;  // libpq's display character "*": never printed
    };

    // Where each keyword's value (and each element of a comma list) started in the source,
    // so that a bad value can be pointed at after parsing.
    struct Positions {
        struct Place {
            int line = 0;
            QList<int> columns;
        };
        QHash<QString, Place> places;

        void set(const QString &keyword, QList<int> columns, int line = 0);
        int line(const QString &keyword) const;
        int column(const QString &keyword, qsizetype element) const;
    };

    static const QList<Option> &options();  // in libpq's order
    static const Option *find(const QString &keyword);  // nullptr when libpq has no such keyword
    static bool isKnown(const QString &keyword);
    // Known, or requiressl, which libpq still reads as the old spelling of sslmode.
    static bool isStorable(const QString &keyword);
    static bool isSecret(const QString &keyword);  // never printed unless asked for

    // libpq's conninfo_storeval: sets `keyword`, reading requiressl as sslmode.
    static void store(ConnectionSpec &spec, QString keyword, QString value);
    // libpq's value checks and its host/port list pairing (connectOptions2). On the first
    // problem: false, with *error pointing at the value in `source`.
    static bool validate(const ConnectionSpec &spec, const Positions &positions,
                         const QString &source, SpecError *error);

    // How many elements a comma-separated list has: 0 for an empty value.
    static qsizetype listCount(const QString &value);
    // C's isspace() in the "C" locale, which is what libpq's parsers use.
    static bool isBlank(QChar c);
};

} // namespace strata
