//! The machine a run was measured on, for the figures to be read against.

use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct Machine {
    pub cores: usize,
    pub cpu: String,
    pub memory_gib: f64,
}

impl Machine {
    pub fn describe() -> Machine {
        let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
        let cpu = cpuinfo
            .lines()
            .find_map(|line| line.strip_prefix("model name").and_then(|rest| rest.split_once(':')))
            .map_or_else(|| "unknown CPU".to_owned(), |(_, name)| name.trim().to_owned());
        let memory_kib: u64 = meminfo
            .lines()
            .find_map(|line| line.strip_prefix("MemTotal:"))
            .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0);
        Machine {
            cores: std::thread::available_parallelism().map_or(0, usize::from),
            cpu,
            memory_gib: memory_kib as f64 / (1024.0 * 1024.0),
        }
    }
}

/// The command line as typed, quoted where a shell needs it.
pub fn command_line() -> String {
    std::env::args().map(|arg| shell_quoted(&arg)).collect::<Vec<_>>().join(" ")
}

fn shell_quoted(arg: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "-_./:=@%+,".contains(c);
    if !arg.is_empty() && arg.chars().all(plain) { arg.to_owned() } else { format!("'{}'", arg.replace('\'', r"'\''")) }
}

#[cfg(test)]
mod tests {
    use super::shell_quoted;

    #[test]
    fn quotes_only_what_a_shell_would_split() {
        assert_eq!(shell_quoted("--postgres-url"), "--postgres-url");
        assert_eq!(shell_quoted("postgres://127.0.0.1:5432/test"), "postgres://127.0.0.1:5432/test");
        assert_eq!(shell_quoted("it's here"), r"'it'\''s here'");
        assert_eq!(shell_quoted(""), "''");
    }
}
