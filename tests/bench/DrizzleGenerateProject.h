#pragma once

#include "NodeTools.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QTemporaryDir>

namespace strata::bench {

// A drizzle-kit project in a temporary folder (drizzle.config.ts, schema.ts, a node_modules
// link, drizzle/) that generates the same second migration as often as asked: the first
// migration is generated once, and every later run starts from the folder as it was then.
class DrizzleGenerateProject
{
public:
    explicit DrizzleGenerateProject(const test::NpmPackages &packages);

    // Generates migration 0000 from `before` (untimed), then leaves `after` as schema.ts.
    bool prepare(const QByteArray &before, const QByteArray &after, QString *error);
    // Puts drizzle/ back as prepare() left it and times `drizzle-kit generate`, which writes
    // migration 0001; milliseconds from starting node to its exit, or -1 and `error`.
    double generate(QString *error);

    QString snapshotPath(int migration) const;  // drizzle/meta/000N_snapshot.json
    QByteArray migrationSql(int migration, QString *error) const;  // drizzle/000N_<words>.sql

private:
    QString outFolder() const;

    test::NpmPackages m_packages;
    QTemporaryDir m_folder;
    QList<QPair<QString, QByteArray>> m_afterFirst;  // drizzle/'s files after migration 0000
};

} // namespace strata::bench
