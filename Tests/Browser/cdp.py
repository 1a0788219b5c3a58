"""A headless Chromium driven over the DevTools protocol, through the pipe Chromium opens
with --remote-debugging-pipe (file descriptors 3 and 4, messages ending in a NUL byte), so
the browser test needs nothing but Python and Chromium: real key presses (Tab moves the
focus as it does for a person), an emulated phone or dark theme, scripts run in the page.
"""
import base64
import fcntl
import json
import os
import subprocess
import tempfile
import time


class BrowserError(Exception):
    pass


class Browser:
    def __init__(self, executable, flags=()):
        self.profile = tempfile.TemporaryDirectory(prefix="chainrule-chromium-")
        # The browser's ends of the pipes go above 9 first, clear of 3 and 4.
        to_browser_read, to_browser_write = os.pipe()
        from_browser_read, from_browser_write = os.pipe()
        high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_browser_read, from_browser_write)]
        os.close(to_browser_read)
        os.close(from_browser_write)
        to_browser_read, from_browser_write = high
        # Chromium reads commands from descriptor 3 and writes to 4: a shell puts the pipes there.
        command = [executable, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--mute-audio",
                   "--no-first-run", "--no-default-browser-check", "--remote-debugging-pipe",
                   f"--user-data-dir={self.profile.name}"] + list(flags) + ["about:blank"]
        shell = f'exec "$0" "$@" 3<&{to_browser_read} 4>&{from_browser_write} {to_browser_read}<&- {from_browser_write}>&-'
        self.process = subprocess.Popen(["bash", "-c", shell] + command, stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                        pass_fds=(to_browser_read, from_browser_write))
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.output = os.fdopen(to_browser_write, "wb", buffering=0)
        self.input = os.fdopen(from_browser_read, "rb", buffering=0)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        # Every request a page with the Network domain enabled made, and every script error,
        # console error and failed load: (session, text), kept whatever waiting for events drops.
        self.requests = []
        self.problems = []

    def close(self):
        try:
            self.send("Browser.close")
        except (BrowserError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.output.close()
        self.input.close()
        self.profile.cleanup()

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            if time.monotonic() > deadline:
                raise BrowserError("the browser did not answer in time")
            chunk = os.read(self.input.fileno(), 1 << 20)
            if not chunk:
                raise BrowserError("the browser closed the connection")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        message = json.loads(message)
        method, params, session = message.get("method"), message.get("params", {}), message.get("sessionId")
        if method == "Network.requestWillBeSent":
            self.requests.append((session, params["request"]["url"]))
        elif method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            self.problems.append((session, "exception: " + (details.get("exception", {}).get("description") or details.get("text", ""))))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            self.problems.append((session, "console: " + " ".join(str(arg.get("value", arg.get("description", ""))) for arg in params["args"])))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            self.problems.append((session, "log: " + params["entry"].get("text", "") + " " + params["entry"].get("url", "")))
        return message

    def send(self, method, params=None, session=None, timeout=60):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.output.write(json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def wait_for_event(self, method, session, timeout=60):
        deadline = time.monotonic() + timeout
        while True:
            for index, event in enumerate(self.events):
                if event["method"] == method and event.get("sessionId") == session:
                    del self.events[:index + 1]
                    return event
            self.events.append(self._read_message(deadline))

    def new_page(self, bypass_csp=True, network=False):
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        return Page(self, target, session, bypass_csp, network)


class Page:
    def __init__(self, browser, target, session, bypass_csp=True, network=False):
        self.browser, self.target, self.session = browser, target, session
        for domain in ["Page", "Runtime"] + (["Network", "Log"] if network else []):
            self.send(domain + ".enable")
        # Test scripts (axe, the checks) run in pages whose policy allows only the site's own.
        # A test of what the policy allows (live blocks) keeps it.
        if bypass_csp:
            self.send("Page.setBypassCSP", {"enabled": True})

    def send(self, method, params=None, timeout=60):
        return self.browser.send(method, params, self.session, timeout)

    def requests(self):
        """The addresses this page requested (with network=True), in order."""
        return [url for session, url in self.browser.requests if session == self.session]

    def errors(self):
        """Script errors, console errors and failed loads on this page so far (console and
        failed loads with network=True)."""
        return [text for session, text in self.browser.problems if session == self.session]

    def emulate(self, width, height, dark=False, mobile=False):
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
        self.send("Emulation.setEmulatedMedia",
                  {"features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})

    def open(self, url, timeout=60):
        self.browser.events.clear()
        self.send("Page.navigate", {"url": url})
        self.browser.wait_for_event("Page.loadEventFired", self.session, timeout)
        # The site's deferred script has run by the load event; give fonts and layout a moment.
        self.evaluate("document.fonts ? document.fonts.ready.then(() => true) : true")

    def evaluate(self, expression, timeout=60):
        result = self.send("Runtime.evaluate", {"expression": expression, "awaitPromise": True,
                                                "returnByValue": True}, timeout)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            raise BrowserError(f"script failed: {text}")
        return result["result"].get("value")

    def press(self, key, shift=False, control=False):
        codes = {"Tab": 9, "Enter": 13, "Escape": 27, "ArrowDown": 40, "ArrowUp": 38, "ArrowRight": 39, "ArrowLeft": 37}
        base = {"key": key, "code": key, "windowsVirtualKeyCode": codes[key], "modifiers": (8 if shift else 0) | (2 if control else 0)}
        # Enter carries its text, as a keyboard's does: that is what activates a button.
        down = dict(base, type="keyDown", text="\r") if key == "Enter" else dict(base, type="rawKeyDown")
        self.send("Input.dispatchKeyEvent", down)
        self.send("Input.dispatchKeyEvent", dict(base, type="keyUp"))

    def type(self, text):
        self.send("Input.insertText", {"text": text})

    def screenshot(self, path, full_page=False):
        params = {"format": "png"}
        if full_page:
            size = self.evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
            params["clip"] = {"x": 0, "y": 0, "width": size[0], "height": size[1], "scale": 1}
            params["captureBeyondViewport"] = True
        data = self.send("Page.captureScreenshot", params)["data"]
        with open(path, "wb") as handle:
            handle.write(base64.b64decode(data))

