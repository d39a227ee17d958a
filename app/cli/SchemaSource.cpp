#include "SchemaSource.h"

#include "Tr.h"
#include "migrations/MigrationFolder.h"
#include "pg/Connection.h"
#include "schema/Introspector.h"
#include "schema/SnapshotJson.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace strata {

std::optional<Schema> SchemaSource::snapshot(const QString &path, QString *error)
{
    QString file = path;
    if (QFileInfo(path).isDir()) {
        const MigrationFolder folder = MigrationFolder::read(path);
        const QList<Migration> &migrations = folder.migrations();
        const auto latest = std::find_if(migrations.crbegin(), migrations.crend(),
                                         [](const Migration &migration) { return migration.snapshot.exists; });
        if (latest == migrations.crend()) {
            *error = Tr::tr("%1 holds no drizzle snapshot.").arg(path);
            return std::nullopt;
        }
        file = folder.filePath(latest->snapshotFile);
    }
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = Tr::tr("Could not read %1: %2").arg(file, in.errorString());
        return std::nullopt;
    }
    SnapshotError snapshotError;
    const std::optional<Snapshot> read = SnapshotJson::read(in.readAll(), file, &snapshotError);
    if (!read) {
        *error = snapshotError.toString();
        return std::nullopt;
    }
    return read->schema;
}

std::optional<SchemaSource::Loaded> SchemaSource::load(const QString &argument, QString *error, bool *usage)
{
    *usage = true;
    if (QFileInfo::exists(argument)) {
        std::optional<Schema> schema = snapshot(argument, error);
        if (!schema)
            return std::nullopt;
        return Loaded{*schema, false};
    }
    // A connection string has a "=" (keyword/value) or a scheme (URL); anything else was
    // meant as a file.
    if (!argument.contains(QLatin1Char('=')) && !argument.contains(QLatin1String("://"))) {
        *error = Tr::tr("%1: there is no such file or folder").arg(argument);
        return std::nullopt;
    }
    SpecError specError;
    const ConnectionSpec spec = ConnectionSpec::parse(argument, &specError);
    if (!specError.isNull()) {
        *error = Tr::tr("%1 is neither a snapshot, a migrations folder nor a connection string: %2")
                     .arg(argument, specError.toString());
        return std::nullopt;
    }
    *usage = false;
    Connection connection(spec);
    PgError pgError;
    std::optional<Schema> schema = Introspector::introspectAndWait(connection, {}, &pgError);
    if (!schema) {
        *error = Tr::tr("Could not read the schema of %1: %2").arg(spec.displayName(), pgError.toString());
        return std::nullopt;
    }
    return Loaded{*schema, true};
}

} // namespace strata
