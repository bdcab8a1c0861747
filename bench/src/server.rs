//! The servers under test, each a child process so that its memory is measured on its own.

use std::fs::File;
use std::net::{SocketAddr, TcpListener};
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use reqwest::{Client, StatusCode};
use tokio::process::{Child, Command};

use crate::client::{self, url};
use crate::failure::Failure;
use crate::workdir::WorkDir;

/// Long enough for a debug build to migrate a fresh database.
const START_TIMEOUT: Duration = Duration::from_secs(60);
const READY_PATH: &str = "/api/v1/openapi.json";

pub struct ServerProcess {
    child: Child,
    pid: u32,
    addr: SocketAddr,
}

impl ServerProcess {
    /// The `kvadrant-server` built next to this program, serving the site in `site_root`, ready
    /// for the bench to make `workshops`.
    pub async fn kvadrant(
        database_url: &str,
        site_root: &Path,
        workdir: &WorkDir,
        workshops: usize,
    ) -> Result<ServerProcess, Failure> {
        let program = std::env::current_exe()?.with_file_name("kvadrant-server");
        if !program.exists() {
            return Err(Failure::setup(format!(
                "{} is missing: build it with `cargo build -p kvadrant-server` (add --release for a release bench)",
                program.display()
            )));
        }
        let addr = free_port()?;
        let mut command = Command::new(program);
        command.arg("--addr").arg(addr.to_string()).arg("--database-url").arg(database_url);
        command.arg("--demo").arg("false").arg("--site-root").arg(site_root);
        if workshops > 1 {
            // Kvadrant lets one address make a roomful of workshops at once, and every one of the
            // bench's comes from loopback.
            command.arg("--creation-burst").arg(workshops.to_string());
        }
        ServerProcess::start(command, addr, &workdir.path().join("kvadrant.log")).await
    }

    /// This program again, as the baseline server.
    pub async fn baseline(view_bytes: usize, sheet_bytes: usize, workdir: &WorkDir) -> Result<ServerProcess, Failure> {
        let addr = free_port()?;
        let mut command = Command::new(std::env::current_exe()?);
        command.arg("baseline-server").arg("--addr").arg(addr.to_string());
        command.arg("--payload-bytes").arg(view_bytes.to_string()).arg("--sheet-bytes").arg(sheet_bytes.to_string());
        ServerProcess::start(command, addr, &workdir.path().join("baseline.log")).await
    }

    async fn start(mut command: Command, addr: SocketAddr, log: &Path) -> Result<ServerProcess, Failure> {
        let output = File::create(log)?;
        command.stdin(Stdio::null()).stdout(output.try_clone()?).stderr(output).kill_on_drop(true);
        let child = command.spawn()?;
        let pid = child.id().ok_or_else(|| Failure::setup("the server exited at once"))?;
        let mut server = ServerProcess { child, pid, addr };
        server.wait_until_ready(log).await?;
        Ok(server)
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn pid(&self) -> u32 {
        self.pid
    }

    pub async fn stop(mut self) {
        let _ = self.child.kill().await;
    }

    async fn wait_until_ready(&mut self, log: &Path) -> Result<(), Failure> {
        let deadline = Instant::now() + START_TIMEOUT;
        let client = client::requests(1)?;
        loop {
            if let Some(status) = self.child.try_wait()? {
                return Err(Failure::setup(format!("the server exited ({status}):\n{}", log_tail(log))));
            }
            if answers(&client, self.addr, deadline).await {
                return Ok(());
            }
            if Instant::now() >= deadline {
                return Err(Failure::setup(format!(
                    "the server did not answer within {START_TIMEOUT:?}:\n{}",
                    log_tail(log)
                )));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

/// A server that takes the connection and never answers is caught by the deadline too.
async fn answers(client: &Client, addr: SocketAddr, deadline: Instant) -> bool {
    let request = client.get(url(addr, READY_PATH)).timeout(deadline.saturating_duration_since(Instant::now()));
    request.send().await.is_ok_and(|response| response.status() == StatusCode::OK)
}

/// A port free now; the server binds it a moment later, and port 0 would leave it unknown to us.
pub fn free_port() -> std::io::Result<SocketAddr> {
    TcpListener::bind("127.0.0.1:0")?.local_addr()
}

fn log_tail(log: &Path) -> String {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(20)..].join("\n")
}
