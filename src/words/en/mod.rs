//! The core's messages in English, a file per module that says them.

mod conflict;
mod pack_load;

pub(super) use conflict::conflict;
pub(super) use pack_load::{
    pack_load, pack_load_item, pack_load_pack_file, pack_load_part, pack_load_refs, pack_load_text,
};
