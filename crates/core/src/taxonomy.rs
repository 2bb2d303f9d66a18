//! ACLED's event types and sub-event types, spelled exactly as ACLED spells them.

macro_rules! taxonomy {
    ($( $ty:ident = $tyname:literal { $( $sub:ident = $subname:literal ),+ $(,)? } )+) => {
        /// One of ACLED's six event types.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum EventType { $( $ty ),+ }

        /// One of ACLED's 25 sub-event types; each belongs to one [`EventType`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum SubEventType { $( $( $sub ),+ ),+ }

        impl EventType {
            pub const ALL: &'static [EventType] = &[ $( EventType::$ty ),+ ];
            pub fn as_str(self) -> &'static str {
                match self { $( EventType::$ty => $tyname ),+ }
            }
        }

        impl SubEventType {
            pub const ALL: &'static [SubEventType] = &[ $( $( SubEventType::$sub ),+ ),+ ];
            pub fn as_str(self) -> &'static str {
                match self { $( $( SubEventType::$sub => $subname ),+ ),+ }
            }
            pub fn event_type(self) -> EventType {
                match self { $( $( SubEventType::$sub => EventType::$ty ),+ ),+ }
            }
        }
    };
}

taxonomy! {
    Battles = "Battles" {
        ArmedClash = "Armed clash",
        GovernmentRegainsTerritory = "Government regains territory",
        NonStateActorOvertakesTerritory = "Non-state actor overtakes territory",
    }
    ExplosionsRemoteViolence = "Explosions/Remote violence" {
        ChemicalWeapon = "Chemical weapon",
        AirDroneStrike = "Air/drone strike",
        SuicideBomb = "Suicide bomb",
        ShellingArtilleryMissileAttack = "Shelling/artillery/missile attack",
        RemoteExplosiveLandmineIed = "Remote explosive/landmine/IED",
        Grenade = "Grenade",
    }
    ViolenceAgainstCivilians = "Violence against civilians" {
        SexualViolence = "Sexual violence",
        Attack = "Attack",
        AbductionForcedDisappearance = "Abduction/forced disappearance",
    }
    Protests = "Protests" {
        PeacefulProtest = "Peaceful protest",
        ProtestWithIntervention = "Protest with intervention",
        ExcessiveForceAgainstProtesters = "Excessive force against protesters",
    }
    Riots = "Riots" {
        ViolentDemonstration = "Violent demonstration",
        MobViolence = "Mob violence",
    }
    StrategicDevelopments = "Strategic developments" {
        Agreement = "Agreement",
        Arrests = "Arrests",
        ChangeToGroupActivity = "Change to group/activity",
        DisruptedWeaponsUse = "Disrupted weapons use",
        HeadquartersOrBaseEstablished = "Headquarters or base established",
        LootingPropertyDestruction = "Looting/property destruction",
        NonViolentTransferOfTerritory = "Non-violent transfer of territory",
        Other = "Other",
    }
}

impl SubEventType {
    /// Reads ACLED's spelling, or the short key used in lexicon files
    /// (`armed_clash`, `ied`, …: see [`SubEventType::key`]).
    pub fn from_name(name: &str) -> Option<SubEventType> {
        use SubEventType::*;
        // The keys of [`SubEventType::key`] (lowercase, so never an ACLED spelling), matched
        // at once: the coder reads every trigger's key. The tests check the two agree.
        Some(match name {
            "armed_clash" => ArmedClash,
            "government_regains_territory" => GovernmentRegainsTerritory,
            "non_state_actor_overtakes_territory" => NonStateActorOvertakesTerritory,
            "chemical_weapon" => ChemicalWeapon,
            "air_drone_strike" => AirDroneStrike,
            "suicide_bomb" => SuicideBomb,
            "shelling" => ShellingArtilleryMissileAttack,
            "ied" => RemoteExplosiveLandmineIed,
            "grenade" => Grenade,
            "sexual_violence" => SexualViolence,
            "attack" => Attack,
            "abduction" => AbductionForcedDisappearance,
            "peaceful_protest" => PeacefulProtest,
            "protest_with_intervention" => ProtestWithIntervention,
            "excessive_force" => ExcessiveForceAgainstProtesters,
            "violent_demonstration" => ViolentDemonstration,
            "mob_violence" => MobViolence,
            "agreement" => Agreement,
            "arrests" => Arrests,
            "change_to_group" => ChangeToGroupActivity,
            "disrupted_weapons_use" => DisruptedWeaponsUse,
            "hq_established" => HeadquartersOrBaseEstablished,
            "looting" => LootingPropertyDestruction,
            "non_violent_transfer" => NonViolentTransferOfTerritory,
            "other" => Other,
            _ => return SubEventType::ALL.iter().copied().find(|s| s.as_str() == name),
        })
    }

    /// A short lowercase key, for data files and the command line.
    pub fn key(self) -> &'static str {
        use SubEventType::*;
        match self {
            ArmedClash => "armed_clash",
            GovernmentRegainsTerritory => "government_regains_territory",
            NonStateActorOvertakesTerritory => "non_state_actor_overtakes_territory",
            ChemicalWeapon => "chemical_weapon",
            AirDroneStrike => "air_drone_strike",
            SuicideBomb => "suicide_bomb",
            ShellingArtilleryMissileAttack => "shelling",
            RemoteExplosiveLandmineIed => "ied",
            Grenade => "grenade",
            SexualViolence => "sexual_violence",
            Attack => "attack",
            AbductionForcedDisappearance => "abduction",
            PeacefulProtest => "peaceful_protest",
            ProtestWithIntervention => "protest_with_intervention",
            ExcessiveForceAgainstProtesters => "excessive_force",
            ViolentDemonstration => "violent_demonstration",
            MobViolence => "mob_violence",
            Agreement => "agreement",
            Arrests => "arrests",
            ChangeToGroupActivity => "change_to_group",
            DisruptedWeaponsUse => "disrupted_weapons_use",
            HeadquartersOrBaseEstablished => "hq_established",
            LootingPropertyDestruction => "looting",
            NonViolentTransferOfTerritory => "non_violent_transfer",
            Other => "other",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_five_sub_types_in_six_types() {
        assert_eq!(EventType::ALL.len(), 6);
        assert_eq!(SubEventType::ALL.len(), 25);
        for s in SubEventType::ALL {
            assert_eq!(SubEventType::from_name(s.as_str()), Some(*s));
            assert_eq!(SubEventType::from_name(s.key()), Some(*s));
            assert!(SubEventType::ALL.iter().all(|t| t.as_str() != s.key()));
        }
    }
}
