// Small helpers for the console: periodic refresh of live parts through Faces ajax (h:commandScript).
window.flatingest = {
    /** Calls the named h:commandScript every intervalMs while an element marked [data-live] is on the page. */
    poll: function (name, intervalMs) {
        var timer = setInterval(function () {
            if (!document.querySelector('[data-live="true"]')) { clearInterval(timer); return; }
            if (typeof window[name] === 'function') { window[name](); }
        }, intervalMs);
    }
};
