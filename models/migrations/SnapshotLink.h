#pragma once

#include <QString>
#include <QStringList>

namespace strata {

// The few top-level keys of a drizzle snapshot that place it in the chain (id, prevId or
// prevIds, version, dialect), read without building the document: the full reader is
// SnapshotJson, this one only has to be cheap for hundreds of large files.
struct SnapshotLink {
    QString id;
    QStringList prevIds;  // 0.x: its one prevId; 1.0: prevIds
    QString version;      // "7" (0.x) or "8" (1.0)
    QString dialect;      // "postgresql" (0.x) or "postgres" (1.0)
    bool exists = false;  // the file was there and could be opened
    QString error;        // why it could not be read as JSON; empty when it could
    int errorLine = 0;
    int errorColumn = 0;

    static QString originId();  // "00000000-0000-0000-0000-000000000000": the first snapshot's prevId
    static SnapshotLink read(const QString &path);
    static SnapshotLink parse(const QByteArray &json);
    bool isReadable() const { return exists && error.isEmpty(); }
};

} // namespace strata
