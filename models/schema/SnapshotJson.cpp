#include "SnapshotJson.h"

#include "SnapshotReader.h"
#include "SnapshotWriter.h"
#include "migrations/JsJson.h"

#include <QUuid>

namespace strata {

QString SnapshotError::toString() const
{
    QString place = file;
    if (line > 0) {
        place += QStringLiteral(":%1").arg(line);
        if (column > 0)
            place += QStringLiteral(":%1").arg(column);
    }
    QStringList parts;
    if (!place.isEmpty())
        parts << place;
    if (!jsonPath.isEmpty())
        parts << jsonPath;
    parts << message;
    return parts.join(QStringLiteral(": "));
}

QString SnapshotJson::originId()
{
    return QStringLiteral("00000000-0000-0000-0000-000000000000");
}

QString SnapshotJson::newId()
{
    // QUuid::createUuid() is a random (version 4) UUID, like crypto.randomUUID().
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

std::optional<Snapshot> SnapshotJson::read(const QByteArray &json, const QString &fileName,
                                           SnapshotError *error)
{
    return SnapshotReader(json, fileName).read(error);
}

QByteArray SnapshotJson::write(const Schema &schema, const QString &id, const QString &prevId,
                               Snapshot::KeyOrder order)
{
    return SnapshotWriter::write(schema, id, prevId, order);
}

QByteArray SnapshotJson::restringify(const QByteArray &json)
{
    if (SnapshotReader::tooDeepAt(json) >= 0)
        return {};
    SnapshotWriter::Json value;
    if (!SnapshotReader::parse(json, &value, nullptr, nullptr))
        return {};
    return JsJson::stringify(value, 2, JsJson::KeyOrder::JavaScript);
}

} // namespace strata
