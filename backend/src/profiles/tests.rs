use super::*;

#[test]
fn only_our_ids_are_accepted() {
    assert!(is_valid_id("0123456789abcdef0123456789abcdef"));
    for bad in [
        "..",
        "../../etc",
        "0123456789ABCDEF0123456789ABCDEF",
        "0123456789abcdef0123456789abcde",
        "0123456789abcdef0123456789abcdef/",
        "",
    ] {
        assert!(!is_valid_id(bad), "{bad}");
    }
}

#[test]
fn a_name_stored_before_the_invisible_character_rule_still_reads() {
    // A right-to-left mark typed on an Arabic or Hebrew keyboard: refused for a new name,
    // but a profile an earlier version named so must still be listed and opened.
    let older = "\u{200F}\u{0645}\u{0627}\u{0645}\u{0627}";
    assert!(check_name(older).is_err());
    assert_eq!(check_stored_name(older).expect("reads"), older);
    for damaged in ["", "   ", "a\nb"] {
        assert!(check_stored_name(damaged).is_err(), "{damaged:?}");
    }
    assert!(check_stored_name(&"x".repeat(MAX_PROFILE_NAME_CHARS + 1)).is_err());
}

#[test]
fn names_are_trimmed_and_checked() {
    assert_eq!(check_name("  Mam  ").expect("ok"), "Mam");
    assert!(check_name("   ").is_err());
    assert!(check_name("a\nb").is_err());
    assert!(check_name(&"x".repeat(MAX_PROFILE_NAME_CHARS + 1)).is_err());
    assert_eq!(
        check_name("Gwenllïan 🙂").expect("any script"),
        "Gwenllïan 🙂"
    );
    // Emoji and scripts that need the joiners still work.
    assert!(check_name("👩\u{200D}👧 Mam").is_ok());
    assert!(check_name("می\u{200C}خواهم").is_ok());
    for hidden in [
        "Ann\u{200B}",
        "\u{202E}nnA",
        "An\u{2066}n",
        "Ann\u{FEFF}",
        "A\u{00AD}nn",
        "\u{200F}Ann",
        "Ann\u{E0041}",
    ] {
        let err = check_name(hidden).expect_err("refused");
        assert!(err.to_string().contains("hidden character"), "{hidden:?}");
    }
}

#[test]
fn names_that_look_the_same_are_the_same_name() {
    assert_eq!(name_key("Ann"), name_key("ＡＮＮ"));
    assert_eq!(name_key("Siân"), name_key("Sia\u{0302}n"));
    assert_ne!(name_key("Ann"), name_key("Anne"));
}

/// A profile exactly as the app before bound keyslots wrote it: format 1, each slot sealed
/// with its purpose alone as associated data, no `binding` field.
fn legacy_profile(dir: &Path, passphrase: &str, code: &RecoveryCode) -> String {
    use rand::{rngs::StdRng, SeedableRng};
    let mut rng = StdRng::seed_from_u64(77);
    let id = random_hex(&mut rng, 16);
    let folder = dir.join(&id);
    std::fs::create_dir_all(&folder).expect("folder");
    let key = DatabaseKey::generate(&mut rng);
    drop(Store::open_encrypted(&folder.join(DATABASE_FILE), &key).expect("db"));
    let slot = |secret: &[u8], purpose: &[u8], rng: &mut StdRng| {
        let kdf = keyslot::KdfSpec::fresh(KdfParams::INSECURE_FOR_TESTS, rng);
        let wrapping = kdf.derive(secret).expect("derives");
        keyslot::Keyslot::seal(kdf, &wrapping, purpose, key.as_bytes(), rng)
    };
    let json = serde_json::json!({
        "format": 1,
        "id": id,
        "name": "Nain",
        "passphrase_slot": slot(passphrase.as_bytes(), meta::PASSPHRASE_PURPOSE, &mut rng),
        "recovery_slot": slot(code.secret(), meta::RECOVERY_PURPOSE, &mut rng),
        "idle_lock_minutes": 15,
    });
    let text = serde_json::to_string_pretty(&json).expect("json");
    assert!(!text.contains("binding"), "today's format has no binding");
    std::fs::write(folder.join(meta::META_FILE), text).expect("write");
    id
}

#[test]
fn a_profile_in_the_format_before_bound_slots_opens_and_is_strengthened() {
    use rand::{rngs::StdRng, SeedableRng};
    let dir = tempfile::tempdir().expect("temp dir");
    let profiles = Profiles::at(dir.path());
    let code = RecoveryCode::generate(&mut StdRng::seed_from_u64(5));
    let id = legacy_profile(dir.path(), "old passphrase", &code);
    assert_eq!(profiles.list().expect("list")[0].name, "Nain");
    let open = profiles.unlock(&id, "old passphrase").expect("opens");
    assert_eq!(open.idle_lock_minutes(), 15);
    open.lock();
    let meta_path = dir.path().join(&id).join(meta::META_FILE);
    let read = |p: &Path| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(p).expect("read")).expect("json")
    };
    assert_eq!(
        read(&meta_path)["format"],
        1,
        "plain unlock leaves the file"
    );

    let open = profiles
        .unlock_and_strengthen(&id, "old passphrase", &mut StdRng::seed_from_u64(6))
        .expect("opens");
    open.lock();
    let json = read(&meta_path);
    assert_eq!(json["format"], META_FORMAT);
    assert_eq!(json["passphrase_slot"]["binding"], 2);
    assert!(
        json["recovery_slot"].get("binding").is_none(),
        "no code at hand"
    );
    assert_eq!(json["idle_lock_minutes"], 15);
    profiles
        .unlock(&id, "old passphrase")
        .expect("still opens")
        .lock();

    // The recovery code still works, and binds its own slot.
    profiles
        .unlock_with_recovery(
            &id,
            code.formatted().as_ref(),
            "new passphrase",
            &mut StdRng::seed_from_u64(7),
        )
        .expect("recovers")
        .lock();
    let json = read(&meta_path);
    assert_eq!(json["recovery_slot"]["binding"], 2);
    profiles
        .unlock(&id, "new passphrase")
        .expect("opens")
        .lock();

    // Bound now: a changed name no longer opens.
    let text = std::fs::read_to_string(&meta_path).expect("read");
    std::fs::write(&meta_path, text.replace("\"Nain\"", "\"Taid\"")).expect("write");
    assert_eq!(
        profiles
            .unlock(&id, "new passphrase")
            .expect_err("refused")
            .code(),
        "wrong_passphrase"
    );
}
