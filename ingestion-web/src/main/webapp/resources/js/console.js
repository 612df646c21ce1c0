// Small helpers for the console: periodic refresh of live parts through Faces ajax (h:commandScript).
window.flatingest = {
    /**
     * Calls the named h:commandScript every intervalMs: always (the dashboard, where new transfers appear), or only
     * while an element marked data-live="true" is on the page (a job page stops refreshing when its job ended).
     */
    poll: function (name, intervalMs, always) {
        var timer = setInterval(function () {
            if (!always && !document.querySelector('[data-live="true"]')) { clearInterval(timer); return; }
            if (typeof window[name] === 'function') { window[name](); }
        }, intervalMs);
    }
};
