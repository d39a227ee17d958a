#include "ServiceFile.h"

#include "LibpqKeywords.h"
#include "SpecErrorReport.h"
#include "Tr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <optional>

namespace strata {

namespace {

// The wanted section of one pg_service.conf; *found says whether it has one.
ConnectionSpec readSection(const QString &serviceName, const QString &filePath, bool *found,
                               SpecError *error)
{
    *found = false;
    SpecErrorReport::clear(error);
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        SpecErrorReport::set(error,
                             Tr::tr("service file \"%1\" not found or not readable: %2")
                                 .arg(filePath, file.errorString()),
                             filePath, 0, 0);
        return {};
    }
    const QByteArray content = file.readAll();
    const QByteArray service = serviceName.toUtf8();
    ConnectionSpec spec;
    LibpqKeywords::Positions positions;
    QSet<QString> seen;
    int lineNumber = 0;
    qsizetype start = 0;
    while (start < content.size()) {
        qsizetype end = content.indexOf('\n', start);
        const bool hasNewline = end >= 0;
        if (!hasNewline)
            end = content.size();
        QByteArray line = content.mid(start, end - start);
        start = end + 1;
        ++lineNumber;
        // libpq reads lines into a 1024-byte buffer and refuses longer ones.
        if (line.size() + (hasNewline ? 1 : 0) >= 1023) {
            SpecErrorReport::set(error, Tr::tr("line %1 too long in service file").arg(lineNumber),
                                 filePath, lineNumber, 0);
            return {};
        }
        qsizetype first = 0;
        while (first < line.size() && LibpqKeywords::isBlank(QLatin1Char(line[first])))
            ++first;
        qsizetype last = line.size();
        while (last > first && LibpqKeywords::isBlank(QLatin1Char(line[last - 1])))
            --last;
        const QByteArray text = line.mid(first, last - first);
        const int indent = int(first);  // only ASCII blanks precede `first`
        if (text.isEmpty() || text.startsWith('#'))
            continue;
        if (text.startsWith('[')) {
            if (*found)
                break;  // the end of the wanted section
            // Like libpq: "[name]" followed by anything still names the section.
            *found = text.mid(1, service.size()) == service && text.size() > service.size() + 1
                && text[service.size() + 1] == ']';
            continue;
        }
        if (!*found)
            continue;  // libpq only reads the wanted section
        if (text.startsWith("ldap")) {
            SpecErrorReport::set(
                error,
                Tr::tr("LDAP service lookups are not supported; connect with service=%1 to "
                       "let libpq resolve it")
                    .arg(serviceName),
                filePath, lineNumber, indent + 1);
            return {};
        }
        const qsizetype eq = text.indexOf('=');
        if (eq < 0) {
            SpecErrorReport::set(error,
                                 Tr::tr("syntax error in service file: expected keyword=value"),
                                 filePath, lineNumber, indent + 1);
            return {};
        }
        const QString key = QString::fromUtf8(text.left(eq));
        const QString value = QString::fromUtf8(text.mid(eq + 1));
        if (key == QLatin1String("service")) {
            SpecErrorReport::set(
                error, Tr::tr("nested service specifications are not supported in service files"),
                filePath, lineNumber, indent + 1);
            return {};
        }
        if (!LibpqKeywords::isKnown(key)) {
            const QString trimmedKey = key.trimmed();
            SpecErrorReport::set(
                error,
                LibpqKeywords::isKnown(trimmedKey)
                    ? Tr::tr("syntax error in service file: no spaces are allowed around "
                             "\"=\" (\"%1\")")
                          .arg(trimmedKey)
                    : Tr::tr("syntax error in service file: unknown keyword \"%1\"").arg(key),
                filePath, lineNumber, indent + 1);
            return {};
        }
        // The first setting wins, as in libpq, even an empty one.
        if (seen.contains(key))
            continue;
        seen.insert(key);
        if (!value.isEmpty()) {
            spec.setValue(key, value);
            const QString beforeValue = QString::fromUtf8(text.left(eq + 1));
            positions.set(key,
                          {indent + SpecErrorReport::columnAt(beforeValue, beforeValue.size())},
                          lineNumber);
        }
    }
    if (!*found)
        return {};
    if (!LibpqKeywords::validate(spec, positions, filePath, error))
        return {};
    return spec;
}

} // namespace

ConnectionSpec ServiceFile::read(const QString &serviceName, const QString &filePath,
                                 SpecError *error)
{
    bool found = false;
    SpecError fileError;
    ConnectionSpec spec = readSection(serviceName, filePath, &found, &fileError);
    if (!fileError.isNull()) {
        if (error)
            *error = fileError;
        return {};
    }
    if (!found) {
        SpecErrorReport::set(
            error,
            Tr::tr("definition of service \"%1\" not found in %2").arg(serviceName, filePath),
            filePath, 0, 0);
        return {};
    }
    SpecErrorReport::clear(error);
    return spec;
}

ConnectionSpec ServiceFile::find(const QString &serviceName, const QProcessEnvironment &env,
                                 SpecError *error)
{
    SpecErrorReport::clear(error);
    const QString source = QStringLiteral("pg_service.conf");
    if (serviceName.isEmpty()) {
        SpecErrorReport::set(error, Tr::tr("no service name given"), source, 0, 0);
        return {};
    }
    QStringList searched;
    auto tryFile = [&](const QString &path, bool *found) -> std::optional<ConnectionSpec> {
        searched.append(path);
        SpecError fileError;
        ConnectionSpec spec = readSection(serviceName, path, found, &fileError);
        if (!fileError.isNull()) {
            if (error)
                *error = fileError;
            return std::nullopt;
        }
        return spec;
    };

    // libpq: PGSERVICEFILE (which must then exist), else ~/.pg_service.conf if it exists.
    bool found = false;
    QString userFile;
    if (env.contains(QStringLiteral("PGSERVICEFILE"))) {
        userFile = env.value(QStringLiteral("PGSERVICEFILE"));
    } else {
        QString home = env.value(QStringLiteral("HOME"));
        if (home.isEmpty())
            home = QDir::homePath();
        const QString candidate = home + QStringLiteral("/.pg_service.conf");
        if (QFileInfo::exists(candidate))
            userFile = candidate;
        else
            searched.append(candidate);
    }
    if (!userFile.isEmpty() || env.contains(QStringLiteral("PGSERVICEFILE"))) {
        const std::optional<ConnectionSpec> spec = tryFile(userFile, &found);
        if (!spec)
            return {};
        if (found)
            return *spec;
    }

    // Then the system file; Debian's libpq is built with sysconfdir /etc/postgresql-common.
    const QString sysconfDir = env.contains(QStringLiteral("PGSYSCONFDIR"))
        ? env.value(QStringLiteral("PGSYSCONFDIR"))
        : QStringLiteral("/etc/postgresql-common");
    const QString systemFile = sysconfDir + QStringLiteral("/pg_service.conf");
    if (QFileInfo::exists(systemFile)) {
        const std::optional<ConnectionSpec> spec = tryFile(systemFile, &found);
        if (!spec)
            return {};
        if (found)
            return *spec;
    } else {
        searched.append(systemFile);
    }
    SpecErrorReport::set(error,
                         Tr::tr("definition of service \"%1\" not found (searched %2)")
                             .arg(serviceName, searched.join(QLatin1String(", "))),
                         source, 0, 0);
    return {};
}

} // namespace strata
