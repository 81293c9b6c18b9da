//! Who wrote a letter, when it is not the patient.

/// A carer writing a letter for the patient, with the patient's recorded consent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenBy {
    /// The carer's name, for example "Siân Jones".
    pub carer_name: String,
    /// How they are related to the patient, for example "daughter". May be empty.
    pub relationship: String,
}
