//! The person's communication needs, recorded once and stated in every letter, so the office
//! that receives a letter can act on them (England's Accessible Information Standard asks NHS
//! bodies to record and meet them; in Wales a person may ask for replies in Welsh).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How the patient needs to be contacted and given information. Every field defaults, so a
/// journey saved before these were asked opens with no needs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct CommunicationNeeds {
    pub large_print: bool,
    pub easy_read: bool,
    pub braille: bool,
    pub audio: bool,
    /// Letters and information by email.
    pub email: bool,
    /// The address to email, as typed. May be empty.
    pub email_address: String,
    /// A British Sign Language interpreter.
    pub bsl_interpreter: bool,
    /// The spoken language an interpreter is needed for, as typed ("Polish"); empty: none.
    pub interpreter_language: String,
    /// Please also contact the carer named on step 4, who has the patient's consent.
    pub contact_carer: bool,
    /// Replies in Welsh (printed only for a case in Wales).
    pub welsh_replies: bool,
}

impl CommunicationNeeds {
    /// Whether any need is recorded (the Welsh choice counts only in Wales).
    pub fn any(&self, in_wales: bool) -> bool {
        self.large_print
            || self.easy_read
            || self.braille
            || self.audio
            || self.email
            || self.bsl_interpreter
            || !self.interpreter_language.trim().is_empty()
            || self.contact_carer
            || (self.welsh_replies && in_wales)
    }
}
