#pragma once

#include "ConnectionSpec.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

class QSettings;

namespace strata {

// One connection the user saved by name, or one that was only used recently.
struct SavedConnection {
    QString id;                  // QUuid without braces; empty until stored
    QString name;                // the user's name for it; empty for a recent-only entry
    ConnectionSpec spec;         // never holds a password or sslpassword (stripped when stored)
    bool saved = false;          // true: listed as saved; false: only kept as a recent
    bool production = false;     // read-only until the user unlocks it
    bool savePassword = false;   // the password is in the system keyring (PasswordStore)
    QString projectFolder;       // a drizzle project folder, empty when none
    QDateTime lastUsed;          // invalid: never used

    // The name, or "user@host:port/dbname" when it has none.
    QString displayName() const;

    bool operator==(const SavedConnection &) const = default;
};

// The saved and recent connections, kept in QSettings (group "connections") without
// passwords; those go to PasswordStore, keyed by `id`.
class SavedConnections
{
public:
    // Uses `settings`, which must outlive this object (the application's QSettings).
    explicit SavedConnections(QSettings &settings);
    // Uses an INI file of its own at `iniPath` (tests, portable installs).
    explicit SavedConnections(const QString &iniPath);
    ~SavedConnections();

    SavedConnections(const SavedConnections &) = delete;
    SavedConnections &operator=(const SavedConnections &) = delete;

    // The saved entries (not the recent-only ones), ordered by name.
    QList<SavedConnection> list() const;
    std::optional<SavedConnection> find(const QString &id) const;

    // Inserts (empty or unknown id) or updates the entry; returns its id. The spec's
    // password and sslpassword are dropped: the settings file never sees them.
    QString save(SavedConnection entry);
    bool remove(const QString &id);

    // Up to `count` entries, saved or not, most recently used first; an entry whose spec
    // and project folder equal a more recent one's is left out.
    QList<SavedConnection> recent(int count) const;
    // Sets the entry's last-used time to now; false when there is no such entry.
    bool markUsed(const QString &id);
    // For a connection that was not picked from the list: marks the entry with the same
    // spec (password aside) and project folder as used, or keeps `entry` as a new
    // recent-only entry. Returns the id. The oldest recent-only entries beyond 20 are dropped.
    QString addRecent(const SavedConnection &entry);

    // Writes pending changes to disk (QSettings also does so on its own, later).
    void sync();

private:
    QList<SavedConnection> all() const;
    std::optional<SavedConnection> read(const QString &id) const;
    void write(const SavedConnection &entry);
    void pruneRecents();

    std::unique_ptr<QSettings> m_ownSettings;
    QSettings *m_settings = nullptr;
};

} // namespace strata
