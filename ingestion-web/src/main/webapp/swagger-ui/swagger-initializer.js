// The OpenAPI document is served by Payara at the server root (/openapi), outside the application's context root.
// "Authorize" takes a token from POST /api/auth/token.
window.onload = function () {
    window.ui = SwaggerUIBundle({
        url: window.location.origin + "/openapi",
        dom_id: "#swagger-ui",
        deepLinking: true,
        persistAuthorization: false,
        presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
        layout: "StandaloneLayout"
    });
};
